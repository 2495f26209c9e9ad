package org.giaoban.training.contest.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.giaoban.platform.testing.InMemoryMongo;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.api.contest.ContestView;
import org.giaoban.training.api.contest.FindContestQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContestSummaryProjectionTest {

    private static final UUID CONTEST = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final String TITLE = "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW";
    private static final Instant OPENS_AT = Instant.parse("2022-08-01T01:00:00Z");
    private static final Instant CLOSES_AT = Instant.parse("2022-09-30T16:59:59.123456789Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ContestSummaryProjection projection =
            new ContestSummaryProjection(new ContestSummaryRepository(mongo.template()));

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void anOpenedContestIsShownWithItsVietnameseTitleAndNoEntries() {
        projection.on(opened(CONTEST), 0, at(7));

        assertThat(find(CONTEST))
                .isEqualTo(new ContestView(CONTEST, TITLE, "Nghị quyết 15-NQ/TW", OPENS_AT, CLOSES_AT, 0, 0, 0));
    }

    @Test
    void entriesAddUpAndOnlyNewParticipantsAddToTheParticipants() {
        projection.on(opened(CONTEST), 0, at(7));

        projection.on(submitted(CONTEST, 3, 2), at(8));
        projection.on(submitted(CONTEST, 10_000, 7_000), at(12));

        ContestView contest = find(CONTEST);
        assertThat(contest.entries()).isEqualTo(10_003);
        assertThat(contest.participants()).isEqualTo(7_002);
        assertThat(contest.version()).isZero();
    }

    @Test
    void anEventDeliveredAgainIsCountedOnce() {
        ContestEntriesSubmittedEvent first = submitted(CONTEST, 3, 2);
        ContestEntriesSubmittedEvent second = submitted(CONTEST, 5, 1);
        projection.on(opened(CONTEST), 0, at(7));
        projection.on(first, at(8));
        projection.on(second, at(9));

        projection.on(opened(CONTEST), 0, at(7));
        projection.on(first, at(8));
        projection.on(second, at(9));

        assertThat(find(CONTEST).entries()).isEqualTo(8);
        assertThat(find(CONTEST).participants()).isEqualTo(3);
    }

    @Test
    void eachContestCountsItsOwnEntries() {
        projection.on(opened(CONTEST), 0, at(7));
        projection.on(opened(OTHER), 0, at(8));

        projection.on(submitted(OTHER, 4, 4), at(9));
        projection.on(submitted(CONTEST, 2, 1), at(10));

        assertThat(find(CONTEST).entries()).isEqualTo(2);
        assertThat(find(CONTEST).participants()).isEqualTo(1);
        assertThat(find(OTHER).entries()).isEqualTo(4);
        assertThat(find(OTHER).participants()).isEqualTo(4);
    }

    @Test
    void aResetEmptiesTheSummaryAndTheReplayCountsTheSameAgain() {
        projection.on(opened(CONTEST), 0, at(7));
        projection.on(submitted(CONTEST, 3, 2), at(8));

        projection.onReset();
        assertThat(projection.handle(new FindContestQuery(CONTEST))).isEmpty();

        projection.on(opened(CONTEST), 0, at(7));
        projection.on(submitted(CONTEST, 3, 2), at(8));
        assertThat(find(CONTEST).entries()).isEqualTo(3);
        assertThat(find(CONTEST).participants()).isEqualTo(2);
    }

    @Test
    void aContestNeverOpenedIsNotFound() {
        assertThat(projection.handle(new FindContestQuery(OTHER))).isEmpty();
    }

    private ContestView find(UUID contestId) {
        return projection.handle(new FindContestQuery(contestId)).orElseThrow();
    }

    private static TrackingToken at(long position) {
        return GapAwareTrackingToken.newInstance(position, List.of());
    }

    private static ContestOpenedEvent opened(UUID contestId) {
        return new ContestOpenedEvent(contestId, TITLE, "Nghị quyết 15-NQ/TW", OPENS_AT, CLOSES_AT);
    }

    private static ContestEntriesSubmittedEvent submitted(UUID contestId, int entries, int newParticipants) {
        List<ContestEntry> batch = IntStream.range(0, entries)
                .mapToObj(i -> new ContestEntry("p-" + i, "HN-HOANKIEM", OPENS_AT.plusSeconds(i), 80))
                .toList();
        return new ContestEntriesSubmittedEvent(contestId, batch, newParticipants);
    }
}
