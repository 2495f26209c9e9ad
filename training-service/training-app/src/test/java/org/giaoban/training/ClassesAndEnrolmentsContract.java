package org.giaoban.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.identity.Caller;
import org.giaoban.platform.ledger.LedgerStore;
import org.giaoban.platform.ledger.LedgerVerification;
import org.giaoban.platform.ledger.TreeHead;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.personaldata.Pseudonyms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What training-service promises over HTTP about classes and their learners, whatever stores it runs on: class lists
 * of thousands as CSV and JSON, a capacity that holds, one enrolment per learner and class even under concurrent
 * requests, refusals that leave nothing behind, only callers the gateway vouched for, an officer's writes kept to
 * its own unit, and who asked recorded with each event. Each subclass starts the service on one set of stores, with
 * {@link TestCallers#SECRET_PROPERTY}; requests are an administrator's unless a test says otherwise.
 */
abstract class ClassesAndEnrolmentsContract {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);

    private static final String[] FAMILY_NAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"};
    private static final String[] MIDDLE_NAMES = {"Thị", "Văn", "Hữu", "Ngọc", "Quang", "Thu", "Đức"};
    private static final String[] GIVEN_NAMES = {"Hà", "Dũng", "Lan", "Minh", "Thư", "Hùng", "Yến", "Phượng", "Ánh"};
    private static final String[] UNITS = {"HN-HOANKIEM", "HN-LONGBIEN", "HN-QUOCOAI", "HN-PHUCTHO", "HN-BADINH"};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerStore ledger;

    @Autowired
    DataSource dataSource;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    EventStore eventStore;

    @BeforeEach
    void signInAsAnAdministrator() {
        http.getRestTemplate().setInterceptors(List.of(TestCallers.as(TestCallers.ADMIN)));
    }

    @Test
    void aBatchOfEnrolmentsIsSealedIntoTheServicesLedgerAndVerifies() {
        String classId = openClass("HN-QUOCOAI", 2_000);
        List<Map<String, String>> learners = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            learners.add(learner(40_000 + i));
        }
        assertThat(post("/api/classes/" + classId + "/enrolments/batch", Map.of("learners", learners))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long events = countAllEvents();

        await().atMost(READ_MODEL_WAIT)
                .until(() -> ledger.latestTreeHead().map(TreeHead::treeSize).orElse(0L) >= events);

        assertThat(ledger.latestTreeHead().orElseThrow().service()).isEqualTo("training");
        LedgerVerification.Result verification = LedgerVerification.verify(dataSource, "training");
        assertThat(verification.firstMismatch()).isNull();
        assertThat(verification.events()).isGreaterThanOrEqualTo(events);
    }

    @Test
    void aClassOfFiveThousandFillsFromACsvAndAJsonListAndThenRefusesTheNextLearner() {
        String classId = openClass("HN-HOANKIEM", 5_000);

        StringBuilder classList = new StringBuilder("learnerId,fullName,unitId\r\n");
        for (int i = 0; i < 3_000; i++) {
            classList
                    .append(learnerId(i))
                    .append(',')
                    .append(csvField(fullName(i)))
                    .append(',')
                    .append(unit(i))
                    .append("\r\n");
        }
        ResponseEntity<JsonNode> fromCsv = postCsv(classId, classList.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(fromCsv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertOutcome(fromCsv.getBody(), 3_000, 0);

        List<Map<String, String>> learners = new ArrayList<>();
        for (int i = 2_500; i < 5_000; i++) {
            learners.add(learner(i));
        }
        ResponseEntity<JsonNode> fromJson =
                post("/api/classes/" + classId + "/enrolments/batch", Map.of("learners", learners));
        assertThat(fromJson.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertOutcome(fromJson.getBody(), 2_000, 500);

        JsonNode full = awaitVersion(classId, 2);
        assertThat(full.path("enrolled").asLong()).isEqualTo(5_000);
        assertThat(full.path("capacity").asInt()).isEqualTo(5_000);
        assertThat(full.path("status").asText()).isEqualTo("OPEN");
        assertThat(rosterSize(classId)).isEqualTo(5_000);
        assertThat(jdbc.queryForObject(
                        "SELECT unit_id FROM enrolment WHERE class_id = ? AND learner_id = ?",
                        String.class,
                        classId,
                        pseudonyms.of(learnerId(2_999))))
                .isEqualTo(unit(2_999));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND (payload LIKE ? OR payload LIKE ?)",
                        Long.class,
                        classId,
                        "%" + learnerId(4_320) + "%",
                        "%" + fullName(4_320) + "%"))
                .as("neither the learner's id nor their name is stored in clear")
                .isZero();
        assertThat(learnersInEvents(classId))
                .as("read through the service, the names are as sent, diacritics and all")
                .hasSize(5_000)
                .contains(new Learner(learnerId(4_320), fullName(4_320), unit(4_320)));

        ResponseEntity<JsonNode> oneMore = post("/api/classes/" + classId + "/enrolments", learner(5_000));
        assertProblem(oneMore, HttpStatus.CONFLICT, "class-full");
        ResponseEntity<JsonNode> oneMoreInAList =
                post("/api/classes/" + classId + "/enrolments/batch", Map.of("learners", List.of(learner(5_001))));
        assertThat(oneMoreInAList.getBody().path("accepted").asInt()).isZero();
        assertThat(oneMoreInAList.getBody().path("rejected").get(0).path("code").asText())
                .isEqualTo("class-full");
        assertThat(rosterSize(classId)).isEqualTo(5_000);
    }

    @Test
    void aLearnerSentSixteenTimesAtOnceIsEnrolledOnce() throws Exception {
        String classId = openClass("HN-LONGBIEN", null);
        Map<String, String> learner = learner(7);
        int requests = 16;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post("/api/classes/" + classId + "/enrolments", learner);
            }));
        }
        start.countDown();
        List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        List<HttpStatus> statuses = responses.stream()
                .map(response -> HttpStatus.valueOf(response.getStatusCode().value()))
                .toList();
        assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        responses.stream()
                .filter(response -> response.getStatusCode().value() == 409)
                .forEach(refused -> assertProblem(refused, HttpStatus.CONFLICT, "already-enrolled"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM enrolment WHERE class_id = ? AND learner_id = ?",
                        Long.class,
                        classId,
                        pseudonyms.of(learner.get("learnerId"))))
                .isEqualTo(1);
        assertThat(awaitVersion(classId, 1).path("enrolled").asLong()).isEqualTo(1);
    }

    @Test
    void aRefusedClassListChangesNothing() {
        String classId = openClass("HN-QUOCOAI", 100);
        assertThat(post("/api/classes/" + classId + "/enrolments", learner(1)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long eventsBefore = countAllEvents();

        String malformed = "learnerId,fullName,unitId\r\n" + learnerId(2) + "," + fullName(2) + "," + unit(2) + "\r\n"
                + learnerId(3) + ",\"" + fullName(3) + "," + unit(3) + "\r\n";
        ResponseEntity<JsonNode> unclosedQuote = postCsv(classId, malformed.getBytes(StandardCharsets.UTF_8));
        assertProblem(unclosedQuote, HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(unclosedQuote.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("line 3");

        byte[] notUtf8 = ("learnerId,fullName,unitId\r\n" + learnerId(4) + ",Hà,HN-QUOCOAI\r\n")
                .getBytes(Charset.forName("windows-1258"));
        ResponseEntity<JsonNode> wrongEncoding = postCsv(classId, notUtf8);
        assertProblem(wrongEncoding, HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(wrongEncoding.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("body");

        String tooMany = IntStream.range(10, 10_011)
                .mapToObj(i -> learnerId(i) + "," + csvField(fullName(i)) + "," + unit(i) + "\r\n")
                .collect(Collectors.joining("", "learnerId,fullName,unitId\r\n", ""));
        assertProblem(
                postCsv(classId, tooMany.getBytes(StandardCharsets.UTF_8)),
                HttpStatus.PAYLOAD_TOO_LARGE,
                "batch-too-large");

        assertThat(countAllEvents()).isEqualTo(eventsBefore);
        assertThat(rosterSize(classId)).isEqualTo(1);
        assertThat(awaitVersion(classId, 1).path("enrolled").asLong()).isEqualTo(1);
    }

    @Test
    void aWithdrawnLearnerMayEnrolAgain() {
        String classId = openClass("HN-PHUCTHO", 2);
        Map<String, String> ha = learner(11);
        String enrolment = "/api/classes/" + classId + "/enrolments/" + ha.get("learnerId");
        assertThat(post("/api/classes/" + classId + "/enrolments", ha).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/classes/" + classId + "/enrolments", learner(12)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertProblem(post("/api/classes/" + classId + "/enrolments", learner(13)), HttpStatus.CONFLICT, "class-full");

        assertThat(delete(enrolment).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(awaitVersion(classId, 3).path("enrolled").asLong()).isEqualTo(1);
        assertProblem(delete(enrolment), HttpStatus.NOT_FOUND, "not-found");

        ResponseEntity<JsonNode> again = post("/api/classes/" + classId + "/enrolments", ha);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getLocation()).hasPath(enrolment);
        assertThat(awaitVersion(classId, 4).path("enrolled").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM enrolment WHERE class_id = ? AND learner_id = ?",
                        Long.class,
                        classId,
                        pseudonyms.of(ha.get("learnerId"))))
                .isEqualTo(1);
        assertThat(countEvents(classId, "LearnerWithdrawnEvent")).isEqualTo(1);
        assertThat(countEvents(classId, "LearnersEnrolledEvent")).isEqualTo(3);
    }

    @Test
    void aCancelledClassTakesNoLearnerAndKeepsItsRoster() {
        String classId = openClass("HN-BADINH", null);
        Map<String, String> ha = learner(21);
        post("/api/classes/" + classId + "/enrolments", ha);
        assertThat(post("/api/classes/" + classId + "/cancel", Map.of("reason", "Trùng lịch giao ban"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertProblem(
                post("/api/classes/" + classId + "/enrolments", learner(22)), HttpStatus.CONFLICT, "class-cancelled");
        assertProblem(
                delete("/api/classes/" + classId + "/enrolments/" + ha.get("learnerId")),
                HttpStatus.CONFLICT,
                "class-cancelled");
        assertThat(rosterSize(classId)).isEqualTo(1);
        JsonNode cancelled = awaitVersion(classId, 2);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("enrolled").asLong()).isEqualTo(1);
    }

    @Test
    void enrollingInAClassThatDoesNotExistIsNotFoundAndLeavesNothing() {
        String classId = UUID.randomUUID().toString();

        assertProblem(post("/api/classes/" + classId + "/enrolments", learner(31)), HttpStatus.NOT_FOUND, "not-found");
        assertThat(rosterSize(classId)).isZero();
    }

    @Test
    void aRequestWithoutTheGatewaysTokenIsUnauthorisedAndChangesNothing() {
        String classId = openClass("HN-HOANKIEM", 10);
        long eventsBefore = countAllEvents();
        TestRestTemplate anonymous = httpWithoutToken();

        assertProblem(
                post(anonymous, "/api/classes", classBody("HN-HOANKIEM", 10)),
                HttpStatus.UNAUTHORIZED,
                "identity-required");
        assertProblem(
                post(anonymous, "/api/classes/" + classId + "/enrolments", learner(41)),
                HttpStatus.UNAUTHORIZED,
                "identity-required");
        assertProblem(
                post(anonymous, "/api/classes/" + classId + "/cancel", Map.of("reason", "Trùng lịch")),
                HttpStatus.UNAUTHORIZED,
                "identity-required");
        assertThat(anonymous
                        .getForEntity("/api/classes/" + classId, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(countAllEvents()).isEqualTo(eventsBefore);
        assertThat(rosterSize(classId)).isZero();
        assertThat(awaitVersion(classId, 0).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anOfficerCannotOpenAClassOrganisedByAnotherDistrict() {
        long eventsBefore = countAllEvents();
        long longBienClassesBefore = countClassesOpenedBy("HN-LONGBIEN");

        ResponseEntity<JsonNode> refused =
                post(httpAs(TestCallers.officerOf("HN-HOANKIEM")), "/api/classes", classBody("HN-LONGBIEN", 30));

        assertProblem(refused, HttpStatus.FORBIDDEN, "unit-not-allowed");
        assertThat(refused.getHeaders().getLocation()).isNull();
        assertThat(countAllEvents()).isEqualTo(eventsBefore);
        assertThat(countClassesOpenedBy("HN-LONGBIEN")).isEqualTo(longBienClassesBefore);
    }

    @Test
    void anOfficerCannotChangeAnotherDistrictsClassButTheOrganisersOfficerCan() {
        String classId = openClass("HN-LONGBIEN", 30);
        TestRestTemplate hoanKiemOfficer = httpAs(TestCallers.officerOf("HN-HOANKIEM"));
        long eventsBefore = countAllEvents();

        assertProblem(
                post(
                        hoanKiemOfficer,
                        "/api/classes/" + classId + "/cancel",
                        Map.of("reason", "Không phải lớp của tôi")),
                HttpStatus.FORBIDDEN,
                "unit-not-allowed");
        assertProblem(
                post(hoanKiemOfficer, "/api/classes/" + classId + "/enrolments", learner(51)),
                HttpStatus.FORBIDDEN,
                "unit-not-allowed");
        assertThat(countAllEvents()).isEqualTo(eventsBefore);
        assertThat(rosterSize(classId)).isZero();
        JsonNode unchanged = awaitVersion(classId, 0);
        assertThat(unchanged.path("status").asText()).isEqualTo("OPEN");
        assertThat(unchanged.path("enrolled").asLong()).isZero();

        ResponseEntity<JsonNode> cancelled = post(
                httpAs(TestCallers.officerOf("HN-LONGBIEN")),
                "/api/classes/" + classId + "/cancel",
                Map.of("reason", "Trùng lịch giao ban"));
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(awaitVersion(classId, 1).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void theEventOfARequestRecordsWhoAskedForIt() throws Exception {
        Caller officer = TestCallers.officerOf("HN-LONGBIEN");
        ResponseEntity<JsonNode> created = post(httpAs(officer), "/api/classes", classBody("HN-LONGBIEN", 20));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String classId = created.getBody().path("id").asText();

        String stored = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                String.class,
                classId);
        JsonNode metaData = new ObjectMapper().readTree(stored);
        assertThat(metaData.path("actor").asText()).isEqualTo("officer-hn-longbien");
        assertThat(metaData.path("roles").isArray()).isTrue();
        assertThat(metaData.path("roles")).extracting(JsonNode::asText).containsExactly("OFFICER");
        assertThat(metaData.path("unitId").asText()).isEqualTo("HN-LONGBIEN");
        assertThat(metaData.path("requestId").asText())
                .isEqualTo(created.getHeaders().getFirst("X-Request-Id"));
    }

    /** The service's answers to a caller other than the administrator, as the gateway would send them. */
    TestRestTemplate httpAs(Caller caller) {
        return new TestRestTemplate(
                new RestTemplateBuilder().rootUri(http.getRootUri()).additionalInterceptors(TestCallers.as(caller)));
    }

    /** The service's answers to a request that went round the gateway. */
    TestRestTemplate httpWithoutToken() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));
    }

    /** The learners of the class's enrolment events as the service reads them, through its event serializer. */
    List<Learner> learnersInEvents(String classId) {
        return eventStore
                .readEvents(classId)
                .asStream()
                .map(EventMessage::getPayload)
                .filter(LearnersEnrolledEvent.class::isInstance)
                .flatMap(event -> ((LearnersEnrolledEvent) event).learners().stream())
                .toList();
    }

    long countClassesOpenedBy(String organizerUnitId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ? AND payload LIKE ?",
                Long.class,
                "%.TrainingClassOpenedEvent",
                "%\"organizerUnitId\":\"" + organizerUnitId + "\"%");
    }

    String openClass(String organizerUnitId, Integer capacity) {
        ResponseEntity<JsonNode> created = post("/api/classes", classBody(organizerUnitId, capacity));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String classId = created.getBody().path("id").asText();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/classes/" + classId);
        return classId;
    }

    static Map<String, Object> classBody(String organizerUnitId, Integer capacity) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title", "Bồi dưỡng nghiệp vụ công tác tuyên giáo",
                "organizerUnitId", organizerUnitId,
                "bloc", "PARTY",
                "format", "IN_PERSON",
                "startsOn", "2022-09-12",
                "endsOn", "2022-09-16"));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return body;
    }

    /** The class as read once the read model has applied its event of {@code version}, and none after it. */
    JsonNode awaitVersion(String classId, long version) {
        return await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.getForEntity("/api/classes/" + classId, JsonNode.class),
                        found -> found.getStatusCode().is2xxSuccessful()
                                && found.getBody().path("version").asLong() == version)
                .getBody();
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return post(http, path, body);
    }

    static ResponseEntity<JsonNode> post(TestRestTemplate client, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> postCsv(String classId, byte[] classList) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.exchange(
                "/api/classes/" + classId + "/enrolments/batch",
                HttpMethod.POST,
                new HttpEntity<>(classList, headers),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> delete(String path) {
        return http.exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class);
    }

    static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:giaoban:problem:" + type);
    }

    static void assertOutcome(JsonNode outcome, int accepted, int duplicates) {
        assertThat(outcome.path("accepted").asInt()).isEqualTo(accepted);
        assertThat(outcome.path("duplicates").asInt()).isEqualTo(duplicates);
        assertThat(outcome.path("rejected").isArray()).isTrue();
        assertThat(outcome.path("rejected")).isEmpty();
    }

    long rosterSize(String classId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM enrolment WHERE class_id = ?", Long.class, classId);
    }

    long countAllEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    long countEvents(String classId, String eventName) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class,
                classId,
                "%." + eventName);
    }

    static Map<String, String> learner(int i) {
        return Map.of("learnerId", learnerId(i), "fullName", fullName(i), "unitId", unit(i));
    }

    /** A citizen id number: twelve digits, unique per learner of a run. */
    static String learnerId(int i) {
        return String.format("0793%08d", i);
    }

    static String fullName(int i) {
        return FAMILY_NAMES[i % FAMILY_NAMES.length] + " " + MIDDLE_NAMES[(i / 9) % MIDDLE_NAMES.length] + " "
                + GIVEN_NAMES[(i / 63) % GIVEN_NAMES.length] + (i % 10 == 0 ? ", Bí thư chi bộ" : "");
    }

    static String unit(int i) {
        return UNITS[i % UNITS.length];
    }

    private static String csvField(String value) {
        return value.contains(",") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
