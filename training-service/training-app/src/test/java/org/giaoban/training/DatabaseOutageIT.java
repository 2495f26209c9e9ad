package org.giaoban.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.giaoban.platform.testing.LocalPostgresDatabase;
import org.giaoban.platform.testing.OutageDrill;
import org.giaoban.platform.testing.OutageDrill.Answer;
import org.giaoban.platform.testing.OutageDrill.Phase;
import org.giaoban.platform.testing.ServiceHttp;
import org.giaoban.platform.testing.TcpProxy;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.personaldata.Pseudonyms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * training-service whose PostgreSQL goes away under load and comes back: the service reaches its database through a
 * {@link TcpProxy} that the test cuts and restores, while a few callers keep enrolling learners one at a time and in
 * lists, and submitting contest entries. The event store, the rosters and the contest's participants are read on the
 * server itself, past the proxy; read models stay on the embedded MongoDB, which does not go away.
 */
@EnabledIfEnvironmentVariable(
        named = LocalPostgresDatabase.SERVER_URL,
        matches = LocalPostgresDatabase.SERVER_URL_PATTERN)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestCallers.SECRET_PROPERTY, TestMasterKey.PROPERTY})
class DatabaseOutageIT {

    static final int CALLERS = 4;
    static final Duration QUICK_REFUSAL = Duration.ofSeconds(3);
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(90);
    static final String OPENS_AT = "2022-08-01T01:00:00Z";
    static final int CAPACITY = 1_000;

    static final LocalPostgresDatabase DATABASE = new LocalPostgresDatabase("giaoban_training_outage_it");
    static final Path DATA_DIR = ClassesAndEnrolmentsIT.temporaryDirectory();
    static TcpProxy proxy;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    Pseudonyms pseudonyms;

    ServiceHttp http;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) throws SQLException {
        proxy = LocalPostgresDatabase.proxyToServer();
        DATABASE.createFor(properties, proxy);
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        proxy.close();
        DATABASE.drop();
    }

    @BeforeEach
    void callTheService() {
        http = new ServiceHttp(port);
    }

    @Test
    void whileTheDatabaseIsAwayEnrolmentsAndEntriesAreRefusedQuicklyAndNothingOfThemIsStoredOrCounted()
            throws Exception {
        String classId =
                created(http.post("/api/classes", ClassesAndEnrolmentsContract.classBody("HN-QUOCOAI", CAPACITY)));
        String contestId = created(http.post(
                "/api/contests",
                Map.of(
                        "title", "Cuộc thi tìm hiểu Nghị quyết 15-NQ/TW",
                        "subject", "Nghị quyết 15-NQ/TW",
                        "opensAt", OPENS_AT,
                        "closesAt", "2022-09-30T16:59:59Z")));
        await().atMost(READ_MODEL_WAIT)
                .until(() -> http.send(http.get("/api/classes/" + classId)).statusCode() == 200);

        List<Answer> answers;
        Instant restoredAt;
        try (OutageDrill drill = OutageDrill.start(
                CALLERS,
                (caller, attempt, marker) -> switch (attempt % 3) {
                    case 0 -> http.post("/api/classes/" + classId + "/enrolments", learner(marker));
                    case 1 ->
                        http.post(
                                "/api/classes/" + classId + "/enrolments/batch",
                                Map.of(
                                        "learners",
                                        learnersOf(marker).stream()
                                                .map(DatabaseOutageIT::learner)
                                                .toList()));
                    default ->
                        http.post(
                                "/api/contests/" + contestId + "/entries/batch",
                                Map.of(
                                        "entries",
                                        participantsOf(marker).stream()
                                                .map(DatabaseOutageIT::entry)
                                                .toList()));
                },
                OutageDrill.busyRequestThreadsOf(context))) {
            drill.awaitEachCaller(
                    3, answer -> answer.within(Phase.BEFORE) && answer.succeeded(), Duration.ofSeconds(30));
            drill.cut(proxy);
            drill.awaitEachCaller(3, answer -> answer.within(Phase.CUT), Duration.ofSeconds(60));
            HttpResponse<String> read = http.send(http.get("/api/classes/" + classId));
            assertThat(drill.mostBusyRequestThreadsWhileCut())
                    .as("request threads busy at once while the database was away (the callers and this test)")
                    .isLessThanOrEqualTo(CALLERS + 1);
            drill.restore(proxy);
            drill.awaitEachCaller(
                    3, answer -> answer.startedIn() == Phase.RESTORED && answer.succeeded(), Duration.ofSeconds(60));
            answers = drill.stop();
            restoredAt = drill.restoredAt();
            assertThat(read.statusCode())
                    .as("reads come from the read model, which is still there")
                    .isEqualTo(200);
        }

        List<Answer> refused =
                answers.stream().filter(answer -> answer.within(Phase.CUT)).toList();
        log.info(
                "Database away: {} requests from {} callers refused in p50 {} ms, max {} ms; writes resumed {} ms"
                        + " after the restore",
                refused.size(),
                CALLERS,
                OutageDrill.percentile(refused, 50).toMillis(),
                OutageDrill.percentile(refused, 100).toMillis(),
                Duration.between(restoredAt, firstSuccessAfter(answers)).toMillis());
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.status())
                        .as("%s answered in %s", answer.marker(), answer.took())
                        .isIn(200, 201, 202, 503));
        assertThat(answers)
                .filteredOn(answer -> answer.within(Phase.BEFORE))
                .allSatisfy(answer -> assertThat(answer.succeeded()).isTrue());
        assertThat(refused).allSatisfy(answer -> {
            OutageDrill.assertStoreUnavailable(answer);
            assertThat(answer.took()).isLessThanOrEqualTo(QUICK_REFUSAL);
        });
        await().atMost(Duration.ofSeconds(5))
                .until(() -> OutageDrill.busyRequestThreadsOf(context).getAsInt() == 0);

        // Every request either stored all of itself or nothing: the roster, the participants and the events agree.
        Set<String> roster = new HashSet<>(serverJdbc()
                .queryForList("SELECT learner_id FROM enrolment WHERE class_id = ?", String.class, classId));
        Set<String> participants = new HashSet<>(serverJdbc()
                .queryForList(
                        "SELECT participant_id FROM contest_participant WHERE contest_id = ?",
                        String.class,
                        contestId));
        for (Answer answer : answers) {
            boolean entries = answer.attempt() % 3 == 2;
            Set<String> written = (entries ? participantsOf(answer.marker()) : learnersWritten(answer))
                    .stream().map(pseudonyms::of).collect(Collectors.toSet());
            Set<String> stored = entries ? participants : roster;
            if (answer.succeeded()) {
                assertThat(stored).as(answer.marker()).containsAll(written);
            } else if (answer.within(Phase.CUT)) {
                assertThat(stored).as(answer.marker()).doesNotContainAnyElementsOf(written);
            } else {
                assertThat(stored.containsAll(written) || stored.stream().noneMatch(written::contains))
                        .as("%s, sent as the database went or came back, stored whole or not at all", answer.marker())
                        .isTrue();
            }
        }
        assertThat(learnersInEvents(classId)).isEqualTo(roster.size());
        long entriesStored = entriesInEvents(contestId);

        long head = serverJdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        JsonNode trainingClass = await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.json(http.get("/api/classes/" + classId)),
                        found -> found.path("enrolled").asLong() == roster.size());
        JsonNode contest = await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.json(http.get("/api/contests/" + contestId)),
                        found -> found.path("entries").asLong() == entriesStored);
        log.info(
                "The read models had caught up with {} events {} ms after the restore",
                head,
                Duration.between(restoredAt, Instant.now()).toMillis());
        assertThat(trainingClass.path("enrolled").asLong()).isEqualTo(roster.size());
        assertThat(contest.path("participants").asLong()).isEqualTo(participants.size());

        // The class counts in memory what its roster holds: no refused enrolment took one of its places.
        long placesLeft = CAPACITY - roster.size();
        JsonNode filled = http.json(http.post(
                "/api/classes/" + classId + "/enrolments/batch",
                Map.of(
                        "learners",
                        IntStream.rangeClosed(0, (int) placesLeft)
                                .mapToObj(i -> learner("after-" + i))
                                .toList())));
        assertThat(filled.path("accepted").asLong()).isEqualTo(placesLeft);
        assertThat(filled.path("rejected").findValuesAsText("code")).containsExactly("class-full");
    }

    /** The learners a request names: one for a single enrolment, three for a list. */
    static List<String> learnersWritten(Answer answer) {
        return answer.attempt() % 3 == 0 ? List.of(answer.marker()) : learnersOf(answer.marker());
    }

    static List<String> learnersOf(String marker) {
        return List.of(marker + "-a", marker + "-b", marker + "-c");
    }

    static List<String> participantsOf(String marker) {
        return List.of(marker + "-p", marker + "-q");
    }

    static Map<String, String> learner(String learnerId) {
        return Map.of("learnerId", learnerId, "fullName", "Nguyễn Thị Hà", "unitId", "HN-QUOCOAI");
    }

    static Map<String, Object> entry(String participantId) {
        return Map.of("participantId", participantId, "unitId", "HN-QUOCOAI", "submittedAt", OPENS_AT, "score", 80);
    }

    static Instant firstSuccessAfter(List<Answer> answers) {
        return answers.stream()
                .filter(answer -> answer.startedIn() == Phase.RESTORED && answer.succeeded())
                .map(Answer::answeredAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    long learnersInEvents(String classId) {
        List<Long> sizes = new ArrayList<>();
        serverJdbc()
                .query(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                        row -> {
                            sizes.add((long) ServiceHttp.parse(row.getString(1))
                                    .path("learners")
                                    .size());
                        },
                        classId,
                        "%.LearnersEnrolledEvent");
        return sizes.stream().mapToLong(Long::longValue).sum();
    }

    long entriesInEvents(String contestId) {
        List<Long> sizes = new ArrayList<>();
        serverJdbc()
                .query(
                        "SELECT payload FROM domain_event_entry WHERE payload_type LIKE ? AND payload LIKE ?",
                        row -> {
                            sizes.add((long) ServiceHttp.parse(row.getString(1))
                                    .path("entries")
                                    .size());
                        },
                        "%.ContestEntriesSubmittedEvent",
                        "%\"contestId\":\"" + contestId + "\"%");
        return sizes.stream().mapToLong(Long::longValue).sum();
    }

    String created(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> answer = http.send(request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return ServiceHttp.parse(answer.body()).path("id").asText();
    }

    static JdbcTemplate serverJdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(DATABASE.url(), LocalPostgresDatabase.user(), ""));
    }
}
