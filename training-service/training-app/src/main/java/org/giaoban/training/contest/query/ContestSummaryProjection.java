package org.giaoban.training.contest.query;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.api.contest.ContestView;
import org.giaoban.training.api.contest.FindContestQuery;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The contest summary. Reads {@link ContestOpenedEvent} and {@link ContestEntriesSubmittedEvent}; serves
 * {@link FindContestQuery}. Entry events are not aggregate events, so they are deduplicated by their global position
 * (the event's tracking token) rather than by a sequence number, and they reach this projection in order because the
 * processing group is sequenced by contest ({@link ContestSummaryProcessing}).
 */
@Component
@ProcessingGroup(ContestSummaryProjection.PROCESSING_GROUP)
public class ContestSummaryProjection {

    public static final String PROCESSING_GROUP = "contest-summary";

    private final ContestSummaryRepository contests;

    public ContestSummaryProjection(ContestSummaryRepository contests) {
        this.contests = contests;
    }

    @EventHandler
    void on(ContestOpenedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        contests.insertIfAbsent(new ContestSummaryDocument(
                event.contestId().toString(),
                event.title(),
                event.subject(),
                event.opensAt().toString(),
                event.closesAt().toString(),
                0,
                0,
                sequence,
                positionOf(token)));
    }

    @EventHandler
    void on(ContestEntriesSubmittedEvent event, TrackingToken token) {
        contests.applyIfNewer(
                event.contestId().toString(),
                positionOf(token),
                new Update().inc("entries", event.entries().size()).inc("participants", event.newParticipants()));
    }

    @ResetHandler
    void onReset() {
        contests.deleteAll();
    }

    @QueryHandler
    Optional<ContestView> handle(FindContestQuery query) {
        return contests.findById(query.contestId().toString()).map(ContestSummaryDocument::toView);
    }

    private static long positionOf(TrackingToken token) {
        return token.position()
                .orElseThrow(() -> new IllegalStateException("The event's tracking token has no position: " + token));
    }
}
