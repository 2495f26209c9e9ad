package org.giaoban.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.identity.Caller;
import org.giaoban.platform.ledger.LedgerStore;
import org.giaoban.platform.ledger.LedgerVerification;
import org.giaoban.platform.ledger.TreeHead;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.tasks.document.query.DocumentListProjection;
import org.giaoban.tasks.task.query.TaskListProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What tasks-service promises over HTTP, whatever stores it runs on. Each subclass starts the service on one set of
 * stores (embedded, local PostgreSQL, containers) and inherits every scenario.
 */
@TestPropertySource(properties = TestCallers.SECRET_PROPERTY)
abstract class TasksServiceContract {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(15);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    EventStore eventStore;

    @Autowired
    LedgerStore ledger;

    @Autowired
    DataSource dataSource;

    /** Every request speaks for an administrator, as the gateway would, unless a test speaks for somebody else. */
    @BeforeEach
    void signInAsAdministrator() {
        http.getRestTemplate().setInterceptors(List.of(TestCallers.as(TestCallers.ADMIN)));
    }

    @Test
    void aRequestThatDidNotComeThroughTheGatewayIsRefusedAndChangesNothing() throws Exception {
        long before = countAllEvents();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/tasks"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"programme": "2022", "title": "Không qua cổng", "unitId": "HN-LONGBIEN",
                                         "dueOn": "2022-06-30"}"""))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(countAllEvents()).isEqualTo(before);
    }

    @Test
    void everyEventIsSealedIntoTheServicesLedgerUnderAHeadSignedWithAPublishedKey() {
        plan("2022", "Kiểm tra sổ cái", "HN-LONGBIEN", "2022-12-31");
        long events = countAllEvents();

        await().atMost(READ_MODEL_WAIT)
                .until(() -> ledger.latestTreeHead().map(TreeHead::treeSize).orElse(0L) >= events);

        TreeHead head = ledger.latestTreeHead().orElseThrow();
        assertThat(head.service()).isEqualTo("tasks");
        assertThat(ledger.keys()).extracting(LedgerStore.PublishedKey::keyId).contains(head.keyId());
        LedgerVerification.Result verification = LedgerVerification.verify(dataSource, "tasks");
        assertThat(verification.firstMismatch()).isNull();
        assertThat(verification.verified()).isTrue();
        assertThat(verification.events()).isGreaterThanOrEqualTo(events);
    }

    @Test
    void anOfficerPlansForItsOwnDistrictAndTheEventRecordsWhoAsked() {
        Caller officer = TestCallers.officerOf("HN-HOANKIEM");

        ResponseEntity<JsonNode> planned = postAs(
                officer,
                "/api/tasks",
                Map.of(
                        "programme",
                        "2022",
                        "title",
                        "Tuyên truyền kỷ niệm",
                        "unitId",
                        "HN-HOANKIEM",
                        "dueOn",
                        "2022-09-02"));

        assertThat(planned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String metadata = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class,
                planned.getBody().path("id").asText());
        assertThat(metadata)
                .contains("\"actor\":\"" + officer.name() + "\"")
                .contains("\"roles\":[\"OFFICER\"]")
                .contains("\"unitId\":\"HN-HOANKIEM\"");
    }

    @Test
    void anOfficerOfAnotherDistrictCannotPlanNorChangeItsWorkItems() {
        Caller stranger = TestCallers.officerOf("HN-HOANKIEM");
        String taskId = plan("2022", "Sơ kết công tác quý III", "HN-LONGBIEN", "2022-09-30");
        awaitTask(taskId, 0);
        long before = countAllEvents();

        ResponseEntity<JsonNode> planning = postAs(
                stranger,
                "/api/tasks",
                Map.of(
                        "programme",
                        "2022",
                        "title",
                        "Việc của quận khác",
                        "unitId",
                        "HN-LONGBIEN",
                        "dueOn",
                        "2022-09-30"));
        ResponseEntity<JsonNode> completing =
                postAs(stranger, "/api/tasks/" + taskId + "/complete", Map.of("completedOn", "2022-09-05"));

        assertThat(planning.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(planning.getBody().path("type").asText()).isEqualTo("urn:giaoban:problem:unit-not-allowed");
        assertThat(completing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(countAllEvents()).isEqualTo(before);
        assertThat(get("/api/tasks/" + taskId).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aViewerReadsButCannotWrite() {
        ResponseEntity<JsonNode> reading = http.exchange(
                "/api/tasks",
                HttpMethod.GET,
                new HttpEntity<>(TestCallers.headersFor(TestCallers.viewer())),
                JsonNode.class);
        ResponseEntity<JsonNode> writing = postAs(
                TestCallers.viewer(),
                "/api/tasks",
                Map.of("programme", "2022", "title", "Xem thôi", "unitId", "HN", "dueOn", "2022-09-30"));

        assertThat(reading.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(writing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(writing.getBody().path("type").asText()).isEqualTo("urn:giaoban:problem:forbidden");
    }

    @Test
    void aWorkItemGoesThroughItsLifeAndTheListFollows() {
        String taskId = plan("2022", "Quán triệt Nghị quyết Đại hội XIII", "HN-LONGBIEN", "2022-06-30");
        JsonNode planned = awaitTask(taskId, 0);
        assertThat(planned.path("title").asText()).isEqualTo("Quán triệt Nghị quyết Đại hội XIII");
        assertThat(planned.path("status").asText()).isEqualTo("OPEN");

        assertThat(post("/api/tasks/" + taskId + "/complete", Map.of("completedOn", "2022-06-28"), "\"0\"")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode completed = awaitTask(taskId, 1);
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("completedOn").asText()).isEqualTo("2022-06-28");

        ResponseEntity<JsonNode> stale = post("/api/tasks/" + taskId + "/reopen", Map.of("reason", "late"), "\"0\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);

        post("/api/tasks/" + taskId + "/reopen", Map.of("reason", "báo cáo chưa đủ"), "\"1\"");
        post("/api/tasks/" + taskId + "/reschedule", Map.of("dueOn", "2022-09-30", "reason", "dời lịch"), null);
        post("/api/tasks/" + taskId + "/cancel", Map.of("reason", "không còn phù hợp"), null);
        JsonNode cancelled = awaitTask(taskId, 4);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("dueOn").asText()).isEqualTo("2022-09-30");
        assertThat(cancelled.path("completedOn").isNull()).isTrue();

        ResponseEntity<JsonNode> refused =
                post("/api/tasks/" + taskId + "/complete", Map.of("completedOn", "2022-06-28"), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("type").asText()).isEqualTo("urn:giaoban:problem:task-cancelled");

        JsonNode inLongBien = get("/api/tasks?unitId=HN-LONGBIEN&status=CANCELLED&size=500");
        assertThat(idsOf(inLongBien)).contains(taskId);
        JsonNode inHoanKiem = get("/api/tasks?unitId=HN-HOANKIEM&size=500");
        assertThat(idsOf(inHoanKiem)).doesNotContain(taskId);
        JsonNode inCity = get("/api/tasks?unitId=HN&dueFrom=2022-09-01&dueTo=2022-09-30&size=500");
        assertThat(idsOf(inCity)).contains(taskId);
    }

    @Test
    void aDocumentNumberIsTakenOnceWithinAUnitEvenUnderConcurrentRequests() throws Exception {
        String number = "LB-" + UUID.randomUUID().toString().substring(0, 8) + "-KH/BTGQU";
        Map<String, Object> document = Map.of(
                "number", number,
                "title", "Kế hoạch tuyên truyền",
                "kind", "PLAN",
                "unitId", "HN-LONGBIEN",
                "issuedOn", "2022-03-01");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<ResponseEntity<JsonNode>> issue = () -> post("/api/documents", document, null);
            answers.add(pool.submit(issue));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            statuses.add(HttpStatus.valueOf(answer.get().getStatusCode().value()));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        assertThat(countEvents("DocumentIssuedEvent", number)).isEqualTo(1);

        Map<String, Object> elsewhere = new java.util.HashMap<>(document);
        elsewhere.put("unitId", "HN-QUOCOAI");
        assertThat(post("/api/documents", elsewhere, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theIdOfADocumentNamesNoWorkItemAndTheIdOfAWorkItemNoDocument() {
        String taskId = plan("2022", "Sơ kết công tác", "HN-PHUCTHO", "2022-05-31");
        ResponseEntity<JsonNode> issued = post(
                "/api/documents",
                Map.of(
                        "number", "PT-" + UUID.randomUUID().toString().substring(0, 8),
                        "title", "Báo cáo",
                        "kind", "REPORT",
                        "unitId", "HN-PHUCTHO",
                        "issuedOn", "2022-03-01"),
                null);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String documentId = issued.getBody().path("id").asText();
        long before = countAllEvents();

        ResponseEntity<JsonNode> completed =
                post("/api/tasks/" + documentId + "/complete", Map.of("completedOn", "2022-05-30"), null);
        ResponseEntity<JsonNode> revoked =
                post("/api/documents/" + taskId + "/revoke", Map.of("reason", "Ban hành nhầm"), null);

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(countAllEvents()).isEqualTo(before);
    }

    @Test
    void aRefusedRequestLeavesNothingBehind() {
        long eventsBefore = countAllEvents();
        ResponseEntity<JsonNode> unknownUnit = post(
                "/api/tasks",
                Map.of("programme", "2022", "title", "Hội nghị", "unitId", "HN-ATLANTIS", "dueOn", "2022-06-30"),
                null);
        assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownUnit.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("unitId");

        String taskId = plan("2022", "Sơ kết", "HN-PHUCTHO", "2022-05-31");
        ResponseEntity<JsonNode> future =
                post("/api/tasks/" + taskId + "/complete", Map.of("completedOn", "2999-01-01"), null);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> unknownTask = post(
                "/api/documents",
                Map.of(
                        "number", "1-BC/X",
                        "title", "Báo cáo",
                        "kind", "REPORT",
                        "unitId", "HN-PHUCTHO",
                        "issuedOn", "2022-03-01",
                        "taskId", UUID.randomUUID().toString()),
                null);
        assertThat(unknownTask.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(countAllEvents()).isEqualTo(eventsBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM document_number WHERE unit_id = 'HN-PHUCTHO' AND number_key = '1-BC/X'",
                        Long.class))
                .isZero();
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyIsAnsweredOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of(
                "programme", "2022", "title", "Tập huấn báo cáo viên", "unitId", "HN-QUOCOAI", "dueOn", "2022-08-15");
        ResponseEntity<JsonNode> first = postWithKey("/api/tasks", body, key);
        ResponseEntity<JsonNode> repeat = postWithKey("/api/tasks", body, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeat.getBody().path("id").asText())
                .isEqualTo(first.getBody().path("id").asText());
        assertThat(repeat.getHeaders().getLocation())
                .isEqualTo(first.getHeaders().getLocation());
        assertThat(countEvents("TaskPlannedEvent", "Tập huấn báo cáo viên")).isEqualTo(1);

        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("title", "Một việc khác");
        assertThat(postWithKey("/api/tasks", other, key).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void everyEventRecordsTheRequestThatCausedIt() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Request-Id", "req-" + UUID.randomUUID());
        headers.set("X-Correlation-Id", "corr-briefing-2022");
        ResponseEntity<JsonNode> created = http.exchange(
                "/api/tasks",
                HttpMethod.POST,
                new HttpEntity<>(
                        Map.of("programme", "2022", "title", "Giao ban quý III", "unitId", "HN", "dueOn", "2022-09-30"),
                        headers),
                JsonNode.class);
        String taskId = created.getBody().path("id").asText();

        String metadata = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                String.class,
                taskId);
        assertThat(metadata)
                .contains("\"requestId\":\"" + headers.getFirst("X-Request-Id") + "\"")
                .contains("\"correlationId\":\"corr-briefing-2022\"")
                .contains("\"causationId\":");
        assertThat(created.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("corr-briefing-2022");
    }

    @Test
    void replayingTheHistoryRebuildsTheSameReadModels() {
        String taskId = plan("2022", "Kiểm tra công tác tuyên giáo", "HN-BAVI", "2022-04-30");
        post("/api/tasks/" + taskId + "/complete", Map.of("completedOn", "2022-04-29"), null);
        awaitTask(taskId, 1);
        JsonNode tasksBefore = awaitCaughtUp("/api/tasks?size=500", TaskListProjection.PROCESSING_GROUP);
        JsonNode documentsBefore = awaitCaughtUp("/api/documents?size=500", DocumentListProjection.PROCESSING_GROUP);

        reset(TaskListProjection.PROCESSING_GROUP);
        reset(DocumentListProjection.PROCESSING_GROUP);

        assertThat(awaitCaughtUp("/api/tasks?size=500", TaskListProjection.PROCESSING_GROUP))
                .isEqualTo(tasksBefore);
        assertThat(awaitCaughtUp("/api/documents?size=500", DocumentListProjection.PROCESSING_GROUP))
                .isEqualTo(documentsBefore);
    }

    @Test
    void redeliveringEveryEventChangesNothing() {
        String taskId = plan("2022", "Tổng kết năm", "HN-SONTAY", "2022-12-15");
        post("/api/tasks/" + taskId + "/reschedule", Map.of("dueOn", "2022-12-20", "reason", "trùng lịch"), null);
        awaitTask(taskId, 1);
        JsonNode before = awaitCaughtUp("/api/tasks?size=500", TaskListProjection.PROCESSING_GROUP);

        // As after a crash between writing the read model and storing the token: the same events come again.
        StreamingEventProcessor processor = processor(TaskListProjection.PROCESSING_GROUP);
        processor.shutDown();
        for (int segment : tokenStore.fetchSegments(processor.getName())) {
            tokenStore.fetchToken(processor.getName(), segment);
            tokenStore.storeToken(eventStore.createTailToken(), processor.getName(), segment);
            tokenStore.releaseClaim(processor.getName(), segment);
        }
        processor.start();

        assertThat(awaitCaughtUp("/api/tasks?size=500", TaskListProjection.PROCESSING_GROUP))
                .isEqualTo(before);
    }

    String plan(String programme, String title, String unitId, String dueOn) {
        ResponseEntity<JsonNode> created = post(
                "/api/tasks", Map.of("programme", programme, "title", title, "unitId", unitId, "dueOn", dueOn), null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String taskId = created.getBody().path("id").asText();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/tasks/" + taskId);
        return taskId;
    }

    JsonNode awaitTask(String taskId, long version) {
        return await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.getForEntity("/api/tasks/" + taskId, JsonNode.class),
                        found -> found.getStatusCode().is2xxSuccessful()
                                && found.getBody().path("version").asLong() == version)
                .getBody();
    }

    /** The answer of a list endpoint once the processor has applied everything in the store. */
    JsonNode awaitCaughtUp(String path, String processingGroup) {
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        StreamingEventProcessor processor = processor(processingGroup);
        await().atMost(READ_MODEL_WAIT).until(() -> hasReached(processor, head));
        return get(path);
    }

    /**
     * Whether every segment of the processor is claimed and past {@code position}. After a failure the processor claims
     * its segments again one by one, so the segments it reports may be only some of them: those must cover the whole.
     */
    static boolean hasReached(StreamingEventProcessor processor, long position) {
        var statuses = processor.processingStatus().values();
        double covered = statuses.stream()
                .mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1))
                .sum();
        return covered > 0.999
                && statuses.stream()
                        .allMatch(status -> !status.isErrorState()
                                && status.getCurrentPosition().orElse(-1) >= position);
    }

    void reset(String processingGroup) {
        StreamingEventProcessor processor = processor(processingGroup);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    StreamingEventProcessor processor(String processingGroup) {
        return processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
    }

    JsonNode get(String path) {
        ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    ResponseEntity<JsonNode> post(String path, Map<String, ?> body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> postAs(Caller caller, String path, Map<String, ?> body) {
        HttpHeaders headers = TestCallers.headersFor(caller);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> postWithKey(String path, Map<String, ?> body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", idempotencyKey);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    long countAllEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    long countEvents(String eventName, String payloadFragment) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ? AND payload LIKE ?",
                Long.class,
                "%." + eventName,
                "%" + payloadFragment + "%");
    }

    static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
