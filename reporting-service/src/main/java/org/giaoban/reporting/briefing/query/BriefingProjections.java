package org.giaoban.reporting.briefing.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.StreamableMessageSource;
import org.giaoban.reporting.source.EventSources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The two processors of the briefing read model, one per service it reads, each writing to the active generation of
 * its facts. One segment each: a fact document is then written by one thread, and the read model of a service is
 * built in that service's order.
 */
@Configuration(proxyBeanMethods = false)
class BriefingProjections {

    /**
     * Events handled before the token is stored. Facts are written event by event, so a crash within a batch only
     * redelivers events that change nothing.
     */
    static final int EVENTS_PER_BATCH = 100;

    @Bean
    TaskFactsProjection taskFactsProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        return new TaskFactsProjection(
                MongoBriefingFacts.forProjection(mongo, () -> generations.activeCollection(TaskFactsProjection.NAME)));
    }

    @Bean
    TrainingFactsProjection trainingFactsProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        return new TrainingFactsProjection(MongoBriefingFacts.forProjection(
                mongo, () -> generations.activeCollection(TrainingFactsProjection.NAME)));
    }

    @Bean
    ReadModelProjection taskFactsReadModel(EventSources sources) {
        return new ReadModelProjection(TaskFactsProjection.NAME, sources.tasks(), TaskFactsProjection::new);
    }

    @Bean
    ReadModelProjection trainingFactsReadModel(EventSources sources) {
        return new ReadModelProjection(TrainingFactsProjection.NAME, sources.training(), TrainingFactsProjection::new);
    }

    /** The active generation of a read model, as reports read it. */
    static MongoBriefingFacts liveFacts(MongoTemplate mongo, ReadModelGenerations generations, String projection) {
        return MongoBriefingFacts.of(mongo, () -> generations.activeCollection(projection));
    }

    @Autowired
    void registerProcessors(EventProcessingConfigurer processing, EventSources sources) {
        processing.registerPooledStreamingEventProcessor(
                TaskFactsProjection.NAME,
                configuration -> sources.tasks().messageSource(),
                (configuration, builder) ->
                        builder.initialSegmentCount(1).initialToken(StreamableMessageSource::createTailToken));
        processing.registerPooledStreamingEventProcessor(
                TrainingFactsProjection.NAME,
                configuration -> sources.training().messageSource(),
                (configuration, builder) ->
                        builder.initialSegmentCount(1).initialToken(StreamableMessageSource::createTailToken));
    }
}
