package org.giaoban.training.contest.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.Refusals.invalidField;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.axon.CommandCallerResolverFactory;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.api.contest.OpenContestCommand;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContestTest {

    private static final UUID CONTEST_ID = UUID.fromString("5a0c1e2d-3b4a-4c5d-9e6f-708192a3b4c5");
    private static final String TITLE = "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW";
    private static final String SUBJECT = "Nghị quyết 15-NQ/TW";
    private static final Instant OPENS_AT = Instant.parse("2022-08-01T01:00:00Z");
    private static final Instant CLOSES_AT = Instant.parse("2022-09-30T16:59:59Z");

    private final RecordedWindows windows = new RecordedWindows();
    private FixtureConfiguration<Contest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contest.class)
                .registerInjectableResource(windows)
                .registerParameterResolverFactory(
                        new CommandCallerResolverFactory(new UnitWriteAccess(UnitCatalogue.hanoi())));
    }

    @Test
    void openingAContestRecordsItAndTheWindowItTakesEntriesIn() {
        fixture.givenNoPriorActivity()
                .when(new OpenContestCommand(CONTEST_ID, TITLE, SUBJECT, OPENS_AT, CLOSES_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContestOpenedEvent(CONTEST_ID, TITLE, SUBJECT, OPENS_AT, CLOSES_AT));

        assertThat(windows.recorded).containsEntry(CONTEST_ID, new ContestWindows.ContestWindow(OPENS_AT, CLOSES_AT));
    }

    @Test
    void cannotOpenAContestWithoutATitle() {
        fixture.givenNoPriorActivity()
                .when(new OpenContestCommand(CONTEST_ID, "  ", SUBJECT, OPENS_AT, CLOSES_AT))
                .expectNoEvents()
                .expectException(invalidField("title"));
        assertThat(windows.recorded).isEmpty();
    }

    @Test
    void cannotOpenAContestWithoutASubject() {
        fixture.givenNoPriorActivity()
                .when(new OpenContestCommand(CONTEST_ID, TITLE, null, OPENS_AT, CLOSES_AT))
                .expectNoEvents()
                .expectException(invalidField("subject"));
        assertThat(windows.recorded).isEmpty();
    }

    @Test
    void cannotOpenAContestWithoutAnOpeningInstant() {
        fixture.givenNoPriorActivity()
                .when(new OpenContestCommand(CONTEST_ID, TITLE, SUBJECT, null, CLOSES_AT))
                .expectNoEvents()
                .expectException(invalidField("opensAt"));
    }

    @Test
    void cannotOpenAContestWithoutAClosingInstant() {
        fixture.givenNoPriorActivity()
                .when(new OpenContestCommand(CONTEST_ID, TITLE, SUBJECT, OPENS_AT, null))
                .expectNoEvents()
                .expectException(invalidField("closesAt"));
    }

    @Test
    void cannotOpenAContestThatClosesBeforeItOpens() {
        fixture.givenNoPriorActivity()
                .when(new OpenContestCommand(CONTEST_ID, TITLE, SUBJECT, CLOSES_AT, OPENS_AT))
                .expectNoEvents()
                .expectException(invalidField("closesAt"))
                .expectExceptionMessage("must be after opensAt");
        assertThat(windows.recorded).isEmpty();
    }

    @Test
    void cannotOpenAContestThatClosesTheMomentItOpens() {
        fixture.givenNoPriorActivity()
                .when(new OpenContestCommand(CONTEST_ID, TITLE, SUBJECT, OPENS_AT, OPENS_AT))
                .expectNoEvents()
                .expectException(invalidField("closesAt"));
    }

    @Test
    void anOfficerOfTheCityOpensAContest() {
        fixture.givenNoPriorActivity()
                .when(open(), CallerMetadata.of(TestCallers.officerOf("HN")))
                .expectEvents(new ContestOpenedEvent(CONTEST_ID, TITLE, SUBJECT, OPENS_AT, CLOSES_AT));
    }

    @Test
    void anAdministratorOpensAContest() {
        fixture.givenNoPriorActivity()
                .when(open(), CallerMetadata.of(TestCallers.ADMIN))
                .expectEvents(new ContestOpenedEvent(CONTEST_ID, TITLE, SUBJECT, OPENS_AT, CLOSES_AT));
    }

    @Test
    void anOfficerOfADistrictCannotOpenAContestOfTheCity() {
        fixture.givenNoPriorActivity()
                .when(open(), CallerMetadata.of(TestCallers.officerOf("HN-PHUCTHO")))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
        assertThat(windows.recorded).isEmpty();
    }

    @Test
    void aDistrictOfficerIsRefusedBeforeTheContestIsValidated() {
        fixture.givenNoPriorActivity()
                .when(
                        new OpenContestCommand(CONTEST_ID, " ", SUBJECT, CLOSES_AT, OPENS_AT),
                        CallerMetadata.of(TestCallers.officerOf("HN-PHUCTHO")))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    private static OpenContestCommand open() {
        return new OpenContestCommand(CONTEST_ID, TITLE, SUBJECT, OPENS_AT, CLOSES_AT);
    }

    /** The windows the aggregate recorded, in memory. */
    static final class RecordedWindows implements ContestWindows {

        final Map<UUID, ContestWindow> recorded = new HashMap<>();

        @Override
        public void record(UUID contestId, Instant opensAt, Instant closesAt) {
            recorded.put(contestId, new ContestWindow(opensAt, closesAt));
        }

        @Override
        public Optional<ContestWindow> lockForEntries(UUID contestId) {
            return Optional.ofNullable(recorded.get(contestId));
        }
    }
}
