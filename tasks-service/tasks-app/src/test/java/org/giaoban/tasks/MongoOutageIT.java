package org.giaoban.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * tasks-service with a MongoDB of its own (configured by URI, as in production; here mongo-java-server in memory)
 * that goes away under load and comes back: the service reaches it through a {@link TcpProxy} that the test cuts and
 * restores, while a few callers keep reading lists and planning work items. Events stay in the embedded H2 file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestCallers.SECRET_PROPERTY)
class MongoOutageIT {

    static final int CALLERS = 4;
    static final Duration QUICK_REFUSAL = Duration.ofSeconds(3);
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(90);
    static final Path DATA_DIR = EmbeddedStoresIT.temporaryDirectory();

    static MongoServer mongo;
    static TcpProxy proxy;

    private static final Logger log = LoggerFactory.getLogger(MongoOutageIT.class);

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    ServiceHttp http;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        proxy = TcpProxy.to(address.getHostString(), address.getPort());
        properties.add("giaoban.mongo.uri", () -> "mongodb://127.0.0.1:" + proxy.port() + "/");
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }

    @AfterAll
    static void stopMongo() {
        proxy.close();
        mongo.shutdownNow();
    }

    @BeforeEach
    void callTheService() {
        http = new ServiceHttp(port);
    }

    @Test
    void whileMongoDbIsAwayReadsAreRefusedQuicklyWritesGoOnAndTheReadModelCatchesUpWhenItIsBack() throws Exception {
        List<Answer> answers;
        Instant restoredAt;
        try (OutageDrill drill = OutageDrill.start(
                CALLERS,
                (caller, attempt, marker) -> attempt % 2 == 0
                        ? http.get("/api/tasks?unitId=HN-LONGBIEN&size=5")
                        : http.post(
                                "/api/tasks",
                                Map.of(
                                        "programme", "2022",
                                        "title", marker,
                                        "unitId", "HN-LONGBIEN",
                                        "dueOn", "2022-06-30")),
                OutageDrill.busyRequestThreadsOf(context))) {
            drill.awaitEachCaller(
                    4, answer -> answer.within(Phase.BEFORE) && answer.succeeded(), Duration.ofSeconds(30));
            drill.cut(proxy);
            drill.awaitEachCaller(4, answer -> answer.within(Phase.CUT), Duration.ofSeconds(60));
            assertThat(drill.mostBusyRequestThreadsWhileCut())
                    .as("request threads busy at once while MongoDB was away")
                    .isLessThanOrEqualTo(CALLERS);
            drill.restore(proxy);
            drill.awaitEachCaller(
                    4, answer -> answer.startedIn() == Phase.RESTORED && answer.succeeded(), Duration.ofSeconds(60));
            answers = drill.stop();
            restoredAt = drill.restoredAt();
        }

        List<Answer> reads = answers.stream()
                .filter(answer -> answer.within(Phase.CUT) && answer.attempt() % 2 == 0)
                .toList();
        List<Answer> writes = answers.stream()
                .filter(answer -> answer.within(Phase.CUT) && answer.attempt() % 2 == 1)
                .toList();
        log.info(
                "MongoDB away: {} reads from {} callers refused in p50 {} ms, max {} ms; {} writes stored meanwhile",
                reads.size(),
                CALLERS,
                OutageDrill.percentile(reads, 50).toMillis(),
                OutageDrill.percentile(reads, 100).toMillis(),
                writes.size());
        assertThat(reads).isNotEmpty().allSatisfy(answer -> {
            OutageDrill.assertStoreUnavailable(answer);
            assertThat(answer.took()).isLessThanOrEqualTo(QUICK_REFUSAL);
        });
        assertThat(writes)
                .as("writes go to the event store, which is still there")
                .isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 201, 503));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> OutageDrill.busyRequestThreadsOf(context).getAsInt() == 0);

        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        StreamingEventProcessor processor = processing
                .eventProcessor(TaskListProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(READ_MODEL_WAIT).until(() -> TasksServiceContract.hasReached(processor, head));
        log.info(
                "The read model had caught up {} ms after the restore",
                Duration.between(restoredAt, Instant.now()).toMillis());
        long planned = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%.TaskPlannedEvent'", Long.class);
        assertThat(http.json(http.get("/api/tasks?size=1")).path("total").asLong())
                .isEqualTo(planned);
    }
}
