package org.giaoban.reporting.briefing.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.giaoban.reporting.projection.ReadModelGenerations;
import org.giaoban.reporting.projection.ReadModelProjection;
import org.giaoban.reporting.source.EventSources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The two processors of the briefing read model, one per service it reads, each writing to the active generation of
 * its facts. One segment each: a fact document is then written by one thread, and the read model of a service is
 * built in that service's order. Events come in batches; a batch's changes are written at its end, inside its unit
 * of work, so before the token that says they were handled.
 */
@Configuration(proxyBeanMethods = false)
class BriefingProjections {

    /** Events handled, at most, before the facts they changed and then the token are written. */
    static final int EVENTS_PER_BATCH = 100;

    private final MongoTemplate mongo;
    private final BatchingBriefingFacts taskFacts;
    private final BatchingBriefingFacts trainingFacts;

    BriefingProjections(MongoTemplate mongo, ReadModelGenerations generations) {
        this.mongo = mongo;
        this.taskFacts = new BatchingBriefingFacts(
                MongoBriefingFacts.of(mongo, () -> generations.activeCollection(TaskFactsProjection.NAME)));
        this.trainingFacts = new BatchingBriefingFacts(
                MongoBriefingFacts.of(mongo, () -> generations.activeCollection(TrainingFactsProjection.NAME)));
    }

    @Bean
    TaskFactsProjection taskFactsProjection() {
        return new TaskFactsProjection(taskFacts);
    }

    @Bean
    TrainingFactsProjection trainingFactsProjection() {
        return new TrainingFactsProjection(trainingFacts);
    }

    @Bean
    ReadModelProjection taskFactsReadModel(EventSources sources) {
        return new BriefingReadModel(TaskFactsProjection.NAME, sources.tasks(), mongo, TaskFactsProjection::new);
    }

    @Bean
    ReadModelProjection trainingFactsReadModel(EventSources sources) {
        return new BriefingReadModel(
                TrainingFactsProjection.NAME, sources.training(), mongo, TrainingFactsProjection::new);
    }

    @Autowired
    void registerProcessors(EventProcessingConfigurer processing, EventSources sources) {
        register(processing, TaskFactsProjection.NAME, sources.tasks().messageSource(), taskFacts);
        register(processing, TrainingFactsProjection.NAME, sources.training().messageSource(), trainingFacts);
    }

    private static void register(
            EventProcessingConfigurer processing,
            String name,
            StreamableMessageSource<TrackedEventMessage<?>> source,
            BatchingBriefingFacts facts) {
        processing.registerPooledStreamingEventProcessor(
                name,
                configuration -> source,
                (configuration, builder) -> builder.initialSegmentCount(1)
                        .batchSize(EVENTS_PER_BATCH)
                        // The beginning of the store, decided without asking it: reporting-service starts, and
                        // answers from its read model, while a service's store is not there yet.
                        .initialToken(store -> null));
        processing.registerHandlerInterceptor(name, configuration -> writeAtTheEndOfEachBatch(facts));
    }

    /**
     * Collects a batch's changes from its first event and writes them after its last; a failed batch leaves nothing
     * collected, and is handled again from what is stored.
     */
    static MessageHandlerInterceptor<EventMessage<?>> writeAtTheEndOfEachBatch(BatchingBriefingFacts facts) {
        return (unitOfWork, chain) -> {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                return chain.proceed();
            }
            if (batch.isFirstMessage()) {
                facts.beginBatch();
                unitOfWork.onRollback(failed -> facts.discardBatch());
            }
            Object result = chain.proceed();
            if (batch.isLastMessage()) {
                facts.flush();
            }
            return result;
        };
    }
}
