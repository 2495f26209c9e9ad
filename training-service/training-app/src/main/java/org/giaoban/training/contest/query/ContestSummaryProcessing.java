package org.giaoban.training.contest.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.PropertySequencingPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The contest summary sees the events of one contest in order. Axon sequences by aggregate by default, but entries
 * are published without an aggregate, so each would get a sequence of its own and could be applied on another
 * segment, out of order. Sequencing by contest id puts a contest's opening (an aggregate event, whose aggregate id is
 * the contest id) and all its entries on one segment.
 */
@Configuration(proxyBeanMethods = false)
public class ContestSummaryProcessing {

    /** The contest id as a string for entries, the aggregate id (the same string) for the opening. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static SequencingPolicy<EventMessage<?>> byContest() {
        SequencingPolicy policy = PropertySequencingPolicy.builder(ContestEntriesSubmittedEvent.class, String.class)
                .propertyExtractor(event -> event.contestId().toString())
                .fallbackSequencingPolicy(SequentialPerAggregatePolicy.instance())
                .build();
        return policy;
    }

    @Autowired
    public void sequenceByContest(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(ContestSummaryProjection.PROCESSING_GROUP, configuration -> byContest());
    }
}
