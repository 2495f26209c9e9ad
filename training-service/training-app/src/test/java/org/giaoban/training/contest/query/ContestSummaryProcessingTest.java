package org.giaoban.training.contest.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.api.plan.PlanLine;
import org.giaoban.training.api.plan.TrainingPlanRecordedEvent;
import org.giaoban.training.api.trainingclass.Bloc;
import org.junit.jupiter.api.Test;

/** Which events of the contest summary are applied one after the other, on one segment. */
class ContestSummaryProcessingTest {

    private static final UUID CONTEST = UUID.fromString("5a0c1e2d-3b4a-4c5d-9e6f-708192a3b4c5");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Instant AT = Instant.parse("2022-09-01T03:15:00Z");

    private final SequencingPolicy<EventMessage<?>> policy = ContestSummaryProcessing.byContest();

    @Test
    void theOpeningAndEveryBatchOfEntriesOfAContestShareOneSequence() {
        Object opening = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>(
                "Contest", CONTEST.toString(), 0, new ContestOpenedEvent(CONTEST, "Cuộc thi", "15-NQ/TW", AT, AT)));
        Object firstBatch = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(entries(CONTEST)));
        Object secondBatch = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(entries(CONTEST)));

        assertThat(firstBatch).isEqualTo(opening).isEqualTo(secondBatch).isEqualTo(CONTEST.toString());
    }

    @Test
    void entriesOfAnotherContestHaveTheirOwnSequence() {
        assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(entries(OTHER))))
                .isEqualTo(OTHER.toString())
                .isNotEqualTo(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(entries(CONTEST))));
    }

    @Test
    void otherAggregateEventsKeepTheSequenceOfTheirAggregate() {
        TrainingPlanRecordedEvent plan = new TrainingPlanRecordedEvent(
                "HN-HOANKIEM/2022", "HN-HOANKIEM", 2022, List.of(new PlanLine("Nhà nước", List.of(Bloc.STATE), 31)));

        assertThat(policy.getSequenceIdentifierFor(
                        new GenericDomainEventMessage<>("TrainingPlan", "HN-HOANKIEM/2022", 3, plan)))
                .isEqualTo("HN-HOANKIEM/2022");
    }

    private static ContestEntriesSubmittedEvent entries(UUID contestId) {
        return new ContestEntriesSubmittedEvent(contestId, List.of(new ContestEntry("p-1", "HN-HOANKIEM", AT, 90)), 1);
    }
}
