package org.giaoban.training.contest.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.giaoban.identity.Caller;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.axon.CommandCallerResolverFactory;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.api.contest.ContestEntriesOutcome;
import org.giaoban.training.api.contest.ContestEntriesOutcome.RefusedEntry;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.contest.SubmitContestEntriesCommand;
import org.giaoban.training.personaldata.MasterKey;
import org.giaoban.training.personaldata.Pseudonyms;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The entry recorder on an H2 database with the service's migrations, each command in its own transaction as the
 * service runs it, and the events it publishes recorded.
 */
class ContestEntryRecorderTest {

    private static final Pseudonyms PSEUDONYMS =
            new Pseudonyms(MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    private static final UUID CONTEST = UUID.fromString("5a0c1e2d-3b4a-4c5d-9e6f-708192a3b4c5");
    private static final Instant OPENS_AT = Instant.parse("2022-08-01T01:00:00Z");
    private static final Instant CLOSES_AT = Instant.parse("2022-09-30T16:59:59Z");
    private static final Instant DURING = Instant.parse("2022-09-01T03:15:00Z");
    private static final Caller HOAN_KIEM_OFFICER = TestCallers.officerOf("HN-HOANKIEM");

    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private final List<EventMessage<?>> published = new CopyOnWriteArrayList<>();
    private SimpleEventBus eventBus;

    @BeforeEach
    void setUp() {
        dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:contest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform/h2", "classpath:db/migration/training/h2")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        eventBus = SimpleEventBus.builder().build();
        eventBus.subscribe(published::addAll);
        new JdbcContestWindows(jdbc).record(CONTEST, OPENS_AT, CLOSES_AT);
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("SHUTDOWN");
    }

    @Test
    void acceptedEntriesAreRecordedAsOneEventCountingEachNewParticipantOnce() {
        List<ContestEntry> entries = List.of(
                entry("079301000123", "HN-HOANKIEM", DURING, 87),
                entry("079301000123", "HN-HOANKIEM", DURING.plusSeconds(600), 95),
                entry("ha.nguyen@example.vn", "HN-PHUCTHO", DURING, null),
                entry("tran_van-b.2", "HN-LONGBIEN", DURING, 0),
                entry("ha.nguyen@example.vn", "HN-PHUCTHO", DURING.plusSeconds(60), 100));

        ContestEntriesOutcome outcome = submit(recorder(), entries);

        assertThat(outcome).isEqualTo(new ContestEntriesOutcome(5, List.of()));
        assertThat(submittedEvents()).containsExactly(new ContestEntriesSubmittedEvent(CONTEST, entries, 3));
        assertThat(participantsRecorded()).isEqualTo(3);
    }

    @Test
    void participantsWhoEnteredBeforeAreNotCountedAgain() {
        ContestEntryRecorder recorder = recorder();
        submit(recorder, entriesOf("a", "b", "c"));

        ContestEntriesOutcome second = submit(recorder, entriesOf("b", "c", "d", "e", "d"));

        assertThat(second.accepted()).isEqualTo(5);
        assertThat(submittedEvents())
                .extracting(ContestEntriesSubmittedEvent::newParticipants)
                .containsExactly(3, 2);
        assertThat(participantsRecorded()).isEqualTo(5);
    }

    @Test
    void participantsAreLookedUpAThousandAtATime() {
        ContestEntryRecorder recorder = recorder();
        submit(
                recorder,
                entriesOf(IntStream.range(0, 2_500).mapToObj(i -> "p" + i).toArray(String[]::new)));

        submit(
                recorder,
                entriesOf(IntStream.range(2_000, 5_000).mapToObj(i -> "p" + i).toArray(String[]::new)));

        assertThat(submittedEvents())
                .extracting(ContestEntriesSubmittedEvent::newParticipants)
                .containsExactly(2_500, 2_500);
        assertThat(participantsRecorded()).isEqualTo(5_000);
    }

    @Test
    void eachRefusedEntryIsNamedWithItsIndexParticipantAndCodeAndTheOthersAreRecorded() {
        List<ContestEntry> entries = Arrays.asList(
                entry("p-ok", "HN-HOANKIEM", DURING, 87),
                entry("Nguyễn Văn A", "HN-HOANKIEM", DURING, 50),
                entry("x".repeat(65), "HN-HOANKIEM", DURING, 50),
                entry(null, "HN-HOANKIEM", DURING, 50),
                entry("p-unit", "HN-ATLANTIS", DURING, 50),
                entry("p-nounit", null, DURING, 50),
                entry("p-notime", "HN-HOANKIEM", null, 50),
                entry("p-early", "HN-HOANKIEM", OPENS_AT.minusMillis(1), 50),
                entry("p-late", "HN-HOANKIEM", CLOSES_AT.plusMillis(1), 50),
                entry("p-high", "HN-HOANKIEM", DURING, 101),
                entry("p-low", "HN-HOANKIEM", DURING, -1),
                null,
                entry("p-opening", "HN-HOANKIEM", OPENS_AT, 100),
                entry("p-closing", "HN-HOANKIEM", CLOSES_AT, 0),
                entry("p-noscore", "HN-QUOCOAI", DURING, null));

        ContestEntriesOutcome outcome = submit(recorder(), entries);

        assertThat(outcome.accepted()).isEqualTo(4);
        assertThat(outcome.rejected())
                .extracting(RefusedEntry::index, RefusedEntry::participantId, RefusedEntry::code)
                .containsExactly(
                        tuple(1, "Nguyễn Văn A", "invalid-participant"),
                        tuple(2, "x".repeat(65), "invalid-participant"),
                        tuple(3, null, "invalid-participant"),
                        tuple(4, "p-unit", "unknown-unit"),
                        tuple(5, "p-nounit", "unknown-unit"),
                        tuple(6, "p-notime", "missing-submitted-at"),
                        tuple(7, "p-early", "outside-contest-window"),
                        tuple(8, "p-late", "outside-contest-window"),
                        tuple(9, "p-high", "invalid-score"),
                        tuple(10, "p-low", "invalid-score"),
                        tuple(11, null, "missing-entry"));
        assertThat(outcome.rejected().get(3).reason()).isEqualTo("'HN-ATLANTIS' is not a known unit");
        assertThat(outcome.rejected().get(6).reason())
                .isEqualTo("submitted at 2022-08-01T00:59:59.999Z, outside the contest's window from"
                        + " 2022-08-01T01:00:00Z to 2022-09-30T16:59:59Z");
        assertThat(submittedEvents())
                .containsExactly(new ContestEntriesSubmittedEvent(
                        CONTEST, List.of(entries.get(0), entries.get(12), entries.get(13), entries.get(14)), 4));
        assertThat(jdbc.queryForList("SELECT participant_id FROM contest_participant", String.class))
                .as("the participants are known by their pseudonyms, not their ids")
                .containsExactlyInAnyOrder(
                        PSEUDONYMS.of("p-ok"),
                        PSEUDONYMS.of("p-opening"),
                        PSEUDONYMS.of("p-closing"),
                        PSEUDONYMS.of("p-noscore"));
    }

    @Test
    void nothingIsPublishedOrRecordedWhenEveryEntryIsRefused() {
        ContestEntriesOutcome outcome = submit(
                recorder(),
                List.of(
                        entry("p-1", "HN-ATLANTIS", DURING, 50),
                        entry("p-2", "HN-HOANKIEM", CLOSES_AT.plusSeconds(1), 50)));

        assertThat(outcome.accepted()).isZero();
        assertThat(outcome.rejected())
                .extracting(RefusedEntry::code)
                .containsExactly("unknown-unit", "outside-contest-window");
        assertThat(published).isEmpty();
        assertThat(participantsRecorded()).isZero();
    }

    @Test
    void entriesOfAContestThatWasNeverOpenedAreNotFound() {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
        CommandGateway gateway = gatewayTo(recorder());

        assertThatThrownBy(() -> gateway.sendAndWait(
                        new SubmitContestEntriesCommand(unknown, List.of(entry("p-1", "HN-HOANKIEM", DURING, 50)))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No contest has the id " + unknown);
        assertThat(published).isEmpty();
        assertThat(participantsRecorded()).isZero();
    }

    @Test
    void anOfficerRecordsTheEntriesOfTheirDistrictAndAnEntryOfNoKnownUnitIsRefusedAlone() {
        ContestEntriesOutcome outcome = submitAs(
                HOAN_KIEM_OFFICER,
                CONTEST,
                List.of(entry("p-1", "HN-HOANKIEM", DURING, 50), entry("p-2", "HN-ATLANTIS", DURING, 50)));

        assertThat(outcome.accepted()).isEqualTo(1);
        assertThat(outcome.rejected()).extracting(RefusedEntry::code).containsExactly("unknown-unit");
        assertThat(participantsRecorded()).isEqualTo(1);
    }

    @Test
    void anOfficerOfTheCityRecordsEntriesOfEveryDistrict() {
        ContestEntriesOutcome outcome = submitAs(
                TestCallers.officerOf("HN"),
                CONTEST,
                List.of(entry("p-1", "HN-HOANKIEM", DURING, 50), entry("p-2", "HN-PHUCTHO", DURING, 50)));

        assertThat(outcome).isEqualTo(new ContestEntriesOutcome(2, List.of()));
        assertThat(participantsRecorded()).isEqualTo(2);
    }

    @Test
    void aBatchWithOneEntryOfAnotherDistrictIsRefusedWholeAndNothingOfItIsRecorded() {
        List<ContestEntry> entries = List.of(
                entry("p-1", "HN-HOANKIEM", DURING, 50),
                entry("p-2", "HN-HOANKIEM", DURING, 60),
                entry("p-3", "HN-PHUCTHO", DURING, 70));

        assertThatThrownBy(() -> submitAs(HOAN_KIEM_OFFICER, CONTEST, entries))
                .isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("HN-PHUCTHO");
        assertThat(published).isEmpty();
        assertThat(participantsRecorded()).isZero();
    }

    @Test
    void aCallerRefusedForAUnitDoesNotLearnWhetherTheContestExists() {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

        assertThatThrownBy(() -> submitAs(HOAN_KIEM_OFFICER, unknown, List.of(entry("p-1", "HN-PHUCTHO", DURING, 50))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void batchesOfOneContestAreRecordedOneAfterTheOtherAndCountedExactly() throws Exception {
        PausingParticipants participants = new PausingParticipants(new JdbcContestParticipants(jdbc, PSEUDONYMS));
        ContestEntryRecorder recorder =
                new ContestEntryRecorder(windowsWithoutRowLocks(), participants, UnitCatalogue.hanoi(), eventBus);

        assertRecordedOneAfterTheOther(recorder, recorder, participants);
    }

    @Test
    void batchesSentToTwoInstancesAreRecordedOneAfterTheOtherThroughTheDatabase() throws Exception {
        PausingParticipants participants = new PausingParticipants(new JdbcContestParticipants(jdbc, PSEUDONYMS));
        ContestEntryRecorder first =
                new ContestEntryRecorder(new JdbcContestWindows(jdbc), participants, UnitCatalogue.hanoi(), eventBus);

        assertRecordedOneAfterTheOther(first, recorder(), participants);
    }

    /**
     * The first batch is held inside its transaction after recording its participants; the second, which shares two
     * of them, waits for it, and then counts only its one participant of its own.
     */
    private void assertRecordedOneAfterTheOther(
            ContestEntryRecorder first, ContestEntryRecorder second, PausingParticipants paused) throws Exception {
        CompletableFuture<ContestEntriesOutcome> firstBatch =
                CompletableFuture.supplyAsync(() -> submit(first, entriesOf("a", "b", "c")));
        assertThat(paused.entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<ContestEntriesOutcome> secondBatch =
                CompletableFuture.supplyAsync(() -> submit(second, entriesOf("b", "c", "d")));
        assertThatThrownBy(() -> secondBatch.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        paused.resume.countDown();
        assertThat(firstBatch.get(10, TimeUnit.SECONDS).accepted()).isEqualTo(3);
        assertThat(secondBatch.get(10, TimeUnit.SECONDS).accepted()).isEqualTo(3);
        assertThat(submittedEvents())
                .extracting(ContestEntriesSubmittedEvent::newParticipants)
                .containsExactly(3, 1);
        assertThat(participantsRecorded()).isEqualTo(4);
    }

    /** The contest's window without the database's row lock: one instance must serialise batches by itself. */
    private static ContestWindows windowsWithoutRowLocks() {
        return new ContestWindows() {
            @Override
            public void record(UUID contestId, Instant opensAt, Instant closesAt) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ContestWindow> lockForEntries(UUID contestId) {
                return Optional.of(new ContestWindow(OPENS_AT, CLOSES_AT));
            }
        };
    }

    private ContestEntryRecorder recorder() {
        return new ContestEntryRecorder(
                new JdbcContestWindows(jdbc),
                new JdbcContestParticipants(jdbc, PSEUDONYMS),
                UnitCatalogue.hanoi(),
                eventBus);
    }

    /** Sends the entries as the service does: through a command bus, in a transaction on the database. */
    private ContestEntriesOutcome submit(ContestEntryRecorder recorder, List<ContestEntry> entries) {
        return gatewayTo(recorder).sendAndWait(new SubmitContestEntriesCommand(CONTEST, entries));
    }

    /** Sends the entries as the service does for a request of {@code caller}. */
    private ContestEntriesOutcome submitAs(Caller caller, UUID contestId, List<ContestEntry> entries) {
        return gatewayTo(recorder())
                .sendAndWait(GenericCommandMessage.asCommandMessage(new SubmitContestEntriesCommand(contestId, entries))
                        .andMetaData(CallerMetadata.of(caller)));
    }

    private CommandGateway gatewayTo(ContestEntryRecorder recorder) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .build();
        new AnnotationCommandHandlerAdapter<>(
                        recorder,
                        MultiParameterResolverFactory.ordered(
                                ClasspathParameterResolverFactory.forClass(ContestEntryRecorder.class),
                                new CommandCallerResolverFactory(new UnitWriteAccess(UnitCatalogue.hanoi()))))
                .subscribe(commandBus);
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    private List<ContestEntriesSubmittedEvent> submittedEvents() {
        return published.stream()
                .map(event -> (ContestEntriesSubmittedEvent) event.getPayload())
                .toList();
    }

    private long participantsRecorded() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM contest_participant WHERE contest_id = ?", Long.class, CONTEST.toString());
    }

    private static List<ContestEntry> entriesOf(String... participantIds) {
        List<ContestEntry> entries = new ArrayList<>();
        for (String participantId : participantIds) {
            entries.add(entry(participantId, "HN-HOANKIEM", DURING, 70));
        }
        return entries;
    }

    private static ContestEntry entry(String participantId, String unitId, Instant submittedAt, Integer score) {
        return new ContestEntry(participantId, unitId, submittedAt, score);
    }

    /** Participants that hold the first batch inside its transaction, once, until told to go on. */
    private static final class PausingParticipants implements ContestParticipants {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final AtomicBoolean paused = new AtomicBoolean();
        private final ContestParticipants delegate;

        PausingParticipants(ContestParticipants delegate) {
            this.delegate = delegate;
        }

        @Override
        public int addNew(UUID contestId, Collection<String> participantIds) {
            int added = delegate.addNew(contestId, participantIds);
            if (paused.compareAndSet(false, true)) {
                entered.countDown();
                try {
                    resume.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return added;
        }
    }
}
