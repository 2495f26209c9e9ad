package org.giaoban.suite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.suite.e2e.RunningSuite.REPORTING;
import static org.giaoban.suite.e2e.RunningSuite.TASKS;
import static org.giaoban.suite.e2e.RunningSuite.TRAINING;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.giaoban.suite.e2e.StoredEvents.StoredEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole suite started from its jars (see {@link RunningSuite}, shared by {@link SharedSuite}) and used through the
 * gateway by the demonstration users: who may read and write what, what the services answer to a caller who goes
 * around the gateway, who is recorded on the events, the rate limit, and a service going down (last, and this class
 * after the others, since it stops training-service).
 */
@ExtendWith(SharedSuite.class)
@Order(SharedSuite.STOPS_A_MODULE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteThroughGatewayIT {

    static final Duration READ_MODEL_CATCH_UP = Duration.ofSeconds(15);
    static final String BRIEFING = "/api/reports/briefing?from=2022-01-01&to=2022-12-31&unitId=HN";

    static RunningSuite suite;
    static StoredEvents tasksEvents;

    @BeforeAll
    static void joinTheSuite(RunningSuite running) {
        suite = running;
        tasksEvents = new StoredEvents(suite.dataDir(), TASKS);
    }

    @Test
    void anAdminCreatesAWorkItemAndReadsItBack() {
        String title = unique("Quán triệt Nghị quyết Đại hội XIII");

        Answer created = suite.as("admin").post("/api/tasks", workItem(title, "HN-LONGBIEN"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String taskId = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/tasks/" + taskId);
        Answer read = readBack(taskId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode task = read.json();
        assertThat(task.path("title").asText()).isEqualTo(title);
        assertThat(task.path("unitId").asText()).isEqualTo("HN-LONGBIEN");
        assertThat(task.path("programme").asText()).isEqualTo("2022");
        assertThat(task.path("dueOn").asText()).isEqualTo("2022-06-30");
        assertThat(task.path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anOfficerCreatesAWorkItemForItsOwnDistrict() {
        String title = unique("Tuyên truyền kỷ niệm ngày thành lập Đảng");

        Answer created = suite.as("hoankiem").post("/api/tasks", workItem(title, "HN-HOANKIEM"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Answer read = readBack(created.json().path("id").asText());
        assertThat(read.json().path("title").asText()).isEqualTo(title);
        assertThat(read.json().path("unitId").asText()).isEqualTo("HN-HOANKIEM");
    }

    @Test
    void anOfficerCannotPlanWorkForAnotherDistrictAndNothingIsStored() {
        String refusedTitle = unique("Việc của quận khác");
        String laterTitle = unique("Việc của Long Biên");

        Answer refused = suite.as("hoankiem").post("/api/tasks", workItem(refusedTitle, "HN-LONGBIEN"));

        assertProblem(refused, 403);
        // A legitimate write after the refused one: once the list shows it, it would show the refused one as well.
        Answer later = suite.as("longbien").post("/api/tasks", workItem(laterTitle, "HN-LONGBIEN"));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        Answer list = Polling.until(
                READ_MODEL_CATCH_UP,
                () -> suite.as("admin").get("/api/tasks?unitId=HN-LONGBIEN&size=500"),
                answer -> titles(answer).contains(laterTitle));
        assertThat(titles(list)).as(list.toString()).contains(laterTitle).doesNotContain(refusedTitle);
        assertThat(tasksEvents.mentioning(refusedTitle)).isEmpty();
    }

    @Test
    void anOfficerCannotCompleteOrCancelAnotherDistrictsWorkItem() {
        Answer planned =
                suite.as("admin").post("/api/tasks", workItem(unique("Sơ kết công tác tuyên giáo"), "HN-LONGBIEN"));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        String taskId = planned.json().path("id").asText();
        assertThat(readBack(taskId).status()).isEqualTo(200);

        Answer completed =
                suite.as("hoankiem").post("/api/tasks/" + taskId + "/complete", "{\"completedOn\":\"2022-06-28\"}");
        Answer cancelled =
                suite.as("hoankiem").post("/api/tasks/" + taskId + "/cancel", "{\"reason\":\"Không còn cần\"}");

        assertProblem(completed, 403);
        assertProblem(cancelled, 403);
        // The store has the events as soon as a write is answered; the read model says the same.
        assertThat(tasksEvents.ofAggregate(taskId))
                .singleElement()
                .satisfies(event -> assertThat(event.payloadType()).endsWith("TaskPlannedEvent"));
        JsonNode task = suite.as("admin").get("/api/tasks/" + taskId).json();
        assertThat(task.path("status").asText()).isEqualTo("OPEN");
        assertThat(task.path("version").asLong()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "auditor"})
    void viewersAndAuditorsReadEverythingButWriteNothing(String user) {
        for (String path : List.of("/api/tasks", "/api/classes", BRIEFING)) {
            Answer read = suite.as(user).get(path);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.contentType()).startsWith("application/json");
        }
        String title = unique("Ghi bởi " + user);

        assertProblem(suite.as(user).post("/api/tasks", workItem(title, "HN")), 403);
        assertProblem(suite.as(user).post("/api/classes", trainingClass(title)), 403);
        assertThat(tasksEvents.mentioning(title)).isEmpty();
    }

    @Test
    void onlyAnAdminSeesTheReadModelsOperations() {
        assertProblem(suite.as("viewer").get("/api/admin/projections"), 403);

        Answer projections = suite.as("admin").get("/api/admin/projections");

        assertThat(projections.status()).as(projections.toString()).isEqualTo(200);
        assertThat(projections.json().isArray()).isTrue();
        assertThat(projections.json()).isNotEmpty();
    }

    @Test
    void withoutCredentialsTheGatewayAsksForThem() {
        Answer answer = suite.anonymous().get("/api/tasks");

        assertProblem(answer, 401);
        assertThat(answer.header("WWW-Authenticate")).contains("Basic");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        assertProblem(suite.withWrongPassword("admin").get("/api/tasks"), 401);
        assertProblem(suite.withWrongPassword("hoankiem").post("/api/tasks", workItem("x", "HN-HOANKIEM")), 401);
    }

    @Test
    void anOfficerSeesItsNameRolesAndUnit() {
        Answer me = suite.as("hoankiem").get("/api/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("name").asText()).isEqualTo("hoankiem");
        assertThat(texts(me.json().path("roles"))).containsExactly("OFFICER");
        assertThat(me.json().path("unitId").asText()).isEqualTo("HN-HOANKIEM");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        TASKS + ", /api/tasks",
        TRAINING + ", /api/classes",
        REPORTING + ", " + BRIEFING,
    })
    void aServiceCalledPastTheGatewayWithoutItsTokenAnswers401(String service, String path) {
        assertProblem(suite.direct(service).get(path), 401);
    }

    /** Evaluated when the test runs, after the suite has started and made its secret. */
    static Stream<Arguments> identitiesTheGatewayDidNotSign() {
        Instant now = Instant.now();
        Instant tenMinutesAgo = now.minus(Duration.ofMinutes(10));
        String otherSecret = "not-the-suite-secret-but-just-as-long-as-it-0123456789";
        List<String> admin = List.of("ADMIN");
        return Stream.of(
                Arguments.of(
                        "signed with another secret", IdentityToken.signed(otherSecret, "admin", admin, "HN", now)),
                Arguments.of("not a token", "garbage"),
                Arguments.of("unsigned", IdentityToken.unsigned("admin", admin, "HN", now, now.plusSeconds(60))),
                Arguments.of(
                        "expired", IdentityToken.signed(suite.identitySecret(), "admin", admin, "HN", tenMinutesAgo)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identitiesTheGatewayDidNotSign")
    void aServiceRefusesAnIdentityTheGatewayDidNotSign(String what, String token) {
        String title = unique("Giả danh " + what);

        Answer answer = suite.direct(TASKS)
                .withHeader("X-Giaoban-Identity", token)
                .post("/api/tasks", workItem(title, "HN-HOANKIEM"));

        assertProblem(answer, 401);
        assertThat(tasksEvents.mentioning(title)).isEmpty();
    }

    @Test
    void aServiceAcceptsAnIdentitySignedWithTheSuitesSecret() {
        Instant now = Instant.now();
        String token = IdentityToken.signed(suite.identitySecret(), "viewer", List.of("VIEWER"), "HN", now);

        Answer answer =
                suite.direct(TASKS).withHeader("X-Giaoban-Identity", token).get("/api/tasks");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void aTokenReadOffTheWireServesOnceAndOnlyTheServiceItWasMeantFor() {
        String forTasks =
                IdentityToken.signedFor("tasks-service", suite.identitySecret(), "viewer", List.of("VIEWER"), "HN");

        Answer atTraining = suite.direct(TRAINING)
                .withHeader("X-Giaoban-Identity", forTasks)
                .get("/api/classes");
        Answer first =
                suite.direct(TASKS).withHeader("X-Giaoban-Identity", forTasks).get("/api/tasks");
        Answer replayed =
                suite.direct(TASKS).withHeader("X-Giaoban-Identity", forTasks).get("/api/tasks");

        assertProblem(atTraining, 401);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertProblem(replayed, 401);
    }

    /**
     * The gateway's own limit (20 requests a second per caller, bursts of 40), reached by one officer who nobody else
     * in this class signs in as, in waves of concurrent requests; the others' allowances are their own. Each wave
     * that takes less than three seconds uses more than comes back meanwhile; the waves go on until the first refusal,
     * for at most a minute, however slowly a busy machine answers them.
     */
    @Test
    void aCallerOverTheRateLimitIsToldWhenToRetryAndTheOthersGoOn() {
        Caller busy = suite.as("sontay");
        assertThat(busy.get("/api/me").status()).isEqualTo(200);

        Answer limited = null;
        int sent = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (limited == null && System.nanoTime() < deadline) {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answers.add(busy.getLater("/api/me"));
            }
            sent += answers.size();
            limited = answers.stream()
                    .map(CompletableFuture::join)
                    .filter(answer -> answer.status() == 429)
                    .findFirst()
                    .orElse(null);
        }

        assertThat(limited).as("a 429 within " + sent + " requests").isNotNull();
        assertProblem(limited, 429);
        assertThat(limited.json().path("type").asText()).isEqualTo("urn:giaoban:problem:rate-limited");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(suite.as("viewer").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void theEventsRecordWhoAskedForThem() {
        Answer created = suite.as("hoankiem")
                .post("/api/tasks", workItem(unique("Học tập và làm theo tư tưởng Hồ Chí Minh"), "HN-HOANKIEM"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        List<StoredEvent> events =
                tasksEvents.ofAggregate(created.json().path("id").asText());

        assertThat(events).hasSize(1);
        JsonNode metadata = events.get(0).metadata();
        assertThat(metadata.path("actor").asText()).as(metadata.toString()).isEqualTo("hoankiem");
        assertThat(texts(metadata.path("roles"))).as(metadata.toString()).contains("OFFICER");
        assertThat(metadata.path("unitId").asText()).as(metadata.toString()).isEqualTo("HN-HOANKIEM");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aStoppedServiceIs503AtOnceWhileTheOthersKeepAnswering() throws InterruptedException {
        assertThat(suite.as("viewer").get("/api/classes").status()).isEqualTo(200);

        suite.stop(TRAINING);
        long start = System.nanoTime();
        Answer classes = suite.as("viewer").get("/api/classes");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertProblem(classes, 503);
        assertThat(classes.json().path("service").asText()).isEqualTo("training-service");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        Answer tasks = suite.as("viewer").get("/api/tasks");
        assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    }

    static Answer readBack(String taskId) {
        return Polling.until(
                READ_MODEL_CATCH_UP,
                () -> suite.as("admin").get("/api/tasks/" + taskId),
                answer -> answer.status() != 404);
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).as(answer.toString()).isEqualTo(status);
    }

    static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String workItem(String title, String unitId) {
        return """
                {"programme": "2022", "title": "%s", "unitId": "%s", "dueOn": "2022-06-30"}""".formatted(title, unitId);
    }

    static String trainingClass(String title) {
        return """
                {"title": "%s", "organizerUnitId": "HN-QUOCOAI", "bloc": "PARTY", "format": "IN_PERSON",
                 "startsOn": "2022-03-01", "endsOn": "2022-03-05", "capacity": 120}""".formatted(title);
    }

    static List<String> titles(Answer list) {
        return StreamSupport.stream(list.json().path("items").spliterator(), false)
                .map(item -> item.path("title").asText())
                .toList();
    }

    /** The strings of a JSON array, or of one string separated by commas or spaces. */
    static List<String> texts(JsonNode node) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false)
                    .map(JsonNode::asText)
                    .toList();
        }
        return node.isTextual() ? List.of(node.asText().split("[,\\s]+")) : List.of();
    }
}
