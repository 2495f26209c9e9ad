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

    @Bean
    TaskFactsProjection taskFactsProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        return new TaskFactsProjection(liveFacts(mongo, generations, TaskFactsProjection.NAME));
    }

    @Bean
    TrainingFactsProjection trainingFactsProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        return new TrainingFactsProjection(liveFacts(mongo, generations, TrainingFactsProjection.NAME));
    }

    @Bean
    ReadModelProjection taskFactsReadModel(EventSources sources) {
        return new ReadModelProjection(TaskFactsProjection.NAME, sources.tasks(), TaskFactsProjection::new);
    }

    @Bean
    ReadModelProjection trainingFactsReadModel(EventSources sources) {
        return new ReadModelProjection(TrainingFactsProjection.NAME, sources.training(), TrainingFactsProjection::new);
    }

    static MongoBriefingFacts liveFacts(MongoTemplate mongo, ReadModelGenerations generations, String projection) {
        return new MongoBriefingFacts(mongo, () -> generations.activeCollection(projection));
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
