package org.giaoban.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.giaoban.platform.testing.LocalPostgresDatabase;
import org.giaoban.platform.testing.OutageDrill;
import org.giaoban.platform.testing.OutageDrill.Answer;
import org.giaoban.platform.testing.OutageDrill.Phase;
import org.giaoban.platform.testing.ServiceHttp;
import org.giaoban.platform.testing.TcpProxy;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.tasks.task.query.TaskListProjection;
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
 * tasks-service whose PostgreSQL goes away under load and comes back: the service reaches its database through a
 * {@link TcpProxy} that the test cuts and restores, while a few callers keep planning and rescheduling work items.
 * What the test checks of the event store it reads on the server itself, past the proxy. Read models stay on the
 * embedded MongoDB, which does not go away.
 */
@EnabledIfEnvironmentVariable(
        named = LocalPostgresDatabase.SERVER_URL,
        matches = LocalPostgresDatabase.SERVER_URL_PATTERN)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestCallers.SECRET_PROPERTY)
class DatabaseOutageIT {

    static final int CALLERS = 4;
    static final Duration QUICK_REFUSAL = Duration.ofSeconds(3);
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(90);
    static final Pattern MARKER = Pattern.compile("\"(?:title|reason)\":\"(outage-c\\d+-n\\d+)\"");

    static final LocalPostgresDatabase DATABASE = new LocalPostgresDatabase("giaoban_tasks_outage_it");
    static final Path DATA_DIR = EmbeddedStoresIT.temporaryDirectory();
    static TcpProxy proxy;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);

    @LocalServerPort
    int port;

    ServiceHttp http;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

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
    void whileTheDatabaseIsAwayEveryRequestIsRefusedQuicklyAndLeavesNothingAndWritesResumeWhenItIsBack()
            throws Exception {
        List<String> ownTasks = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            ownTasks.add(plan("outage-own-" + caller));
        }
        await().atMost(READ_MODEL_WAIT)
                .until(() ->
                        http.send(http.get("/api/tasks/" + ownTasks.get(0))).statusCode() == 200);
        String keyDuringOutage = UUID.randomUUID().toString();
        List<Answer> answers;
        Instant restoredAt;
        try (OutageDrill drill = OutageDrill.start(
                CALLERS,
                (caller, attempt, marker) -> attempt % 2 == 0
                        ? http.post("/api/tasks", planBody(marker))
                        : http.post(
                                "/api/tasks/" + ownTasks.get(caller) + "/reschedule",
                                Map.of(
                                        "dueOn",
                                        LocalDate.of(2022, 7, 1)
                                                .plusDays(attempt)
                                                .toString(),
                                        "reason",
                                        marker)),
                OutageDrill.busyRequestThreadsOf(context))) {
            drill.awaitEachCaller(
                    3, answer -> answer.within(Phase.BEFORE) && answer.succeeded(), Duration.ofSeconds(30));

            drill.cut(proxy);
            drill.awaitEachCaller(3, answer -> answer.within(Phase.CUT), Duration.ofSeconds(60));
            HttpResponse<String> read = http.send(http.get("/api/tasks/" + ownTasks.get(0)));
            HttpResponse<String> keyed = http.send(
                    http.post("/api/tasks", planBody("outage-keyed")).header("Idempotency-Key", keyDuringOutage));
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
            OutageDrill.assertStoreUnavailable(
                    keyed.statusCode(),
                    keyed.headers().firstValue("Content-Type").orElse(null),
                    keyed.headers().firstValue("Retry-After").orElse(null),
                    keyed.body());
        }

        List<Answer> refused =
                answers.stream().filter(answer -> answer.within(Phase.CUT)).toList();
        Instant resumed = answers.stream()
                .filter(answer -> answer.startedIn() == Phase.RESTORED && answer.succeeded())
                .map(Answer::answeredAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        log.info(
                "Database away: {} requests from {} callers refused in p50 {} ms, max {} ms; writes resumed {} ms"
                        + " after the restore",
                refused.size(),
                CALLERS,
                OutageDrill.percentile(refused, 50).toMillis(),
                OutageDrill.percentile(refused, 100).toMillis(),
                Duration.between(restoredAt, resumed).toMillis());
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.status())
                        .as("%s answered in %s", answer.marker(), answer.took())
                        .isIn(200, 201, 503));
        assertThat(answers)
                .filteredOn(answer -> answer.within(Phase.BEFORE))
                .allSatisfy(answer -> assertThat(answer.succeeded()).isTrue());
        assertThat(refused).allSatisfy(answer -> {
            OutageDrill.assertStoreUnavailable(answer);
            assertThat(answer.took()).isLessThanOrEqualTo(QUICK_REFUSAL);
        });
        await().atMost(Duration.ofSeconds(5))
                .until(() -> OutageDrill.busyRequestThreadsOf(context).getAsInt() == 0);

        Map<String, Integer> stored = storedMarkers();
        assertThat(refused)
                .as("requests refused while the database was away")
                .allSatisfy(answer -> assertThat(stored.getOrDefault(answer.marker(), 0))
                        .as(answer.marker())
                        .isZero());
        assertThat(answers)
                .filteredOn(Answer::succeeded)
                .allSatisfy(answer -> assertThat(stored.getOrDefault(answer.marker(), 0))
                        .as(answer.marker())
                        .isEqualTo(1));

        HttpResponse<String> again =
                http.send(http.post("/api/tasks", planBody("outage-keyed")).header("Idempotency-Key", keyDuringOutage));
        assertThat(again.statusCode())
                .as("the key of a request refused during the outage is free")
                .isEqualTo(201);

        awaitReadModelAtHead();
        log.info(
                "The read model had caught up {} ms after the restore",
                Duration.between(restoredAt, Instant.now()).toMillis());
        long planned = serverJdbc()
                .queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%.TaskPlannedEvent'",
                        Long.class);
        assertThat(http.json(http.get("/api/tasks?size=1")).path("total").asLong())
                .isEqualTo(planned);
        for (String taskId : ownTasks) {
            long events = serverJdbc()
                    .queryForObject(
                            "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                            Long.class,
                            taskId);
            assertThat(http.json(http.get("/api/tasks/" + taskId))
                            .path("version")
                            .asLong())
                    .isEqualTo(events - 1);
        }
    }

    /** How many events carry each request's marker, read on the server past the proxy. */
    Map<String, Integer> storedMarkers() {
        Map<String, Integer> stored = new HashMap<>();
        serverJdbc().query("SELECT payload FROM domain_event_entry", row -> {
            Matcher marker = MARKER.matcher(row.getString(1));
            while (marker.find()) {
                stored.merge(marker.group(1), 1, Integer::sum);
            }
        });
        return stored;
    }

    void awaitReadModelAtHead() {
        long head = serverJdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        StreamingEventProcessor processor = processing
                .eventProcessor(TaskListProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(READ_MODEL_WAIT).until(() -> TasksServiceContract.hasReached(processor, head));
    }

    static JdbcTemplate serverJdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(DATABASE.url(), LocalPostgresDatabase.user(), ""));
    }

    String plan(String title) throws Exception {
        HttpResponse<String> created = http.send(http.post("/api/tasks", planBody(title)));
        assertThat(created.statusCode()).isEqualTo(201);
        return ServiceHttp.parse(created.body()).path("id").asText();
    }

    static Map<String, Object> planBody(String title) {
        return Map.of("programme", "2022", "title", title, "unitId", "HN-LONGBIEN", "dueOn", "2022-06-30");
    }
}
