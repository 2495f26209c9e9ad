package org.giaoban.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.giaoban.identity.Caller;
import org.giaoban.identity.Role;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.giaoban.training.contest.query.ContestSummaryProjection;
import org.giaoban.training.personaldata.Pseudonyms;
import org.giaoban.training.trainingclass.query.TrainingClassListProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an erasure of a person's data promises, whatever stores the service runs on: afterwards their identity number
 * and name are nowhere (the event table read as text, the key, roster and participant tables, the stored answers of
 * idempotent requests, the read models, the service's log), while every count stays as it was, after a replay of the
 * read models too; only an administrator erases, and every refusal changes nothing. Each subclass starts the service
 * on one set of stores, with {@link TestCallers#SECRET_PROPERTY}.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PersonalDataErasureContract {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);
    static final String ERASURES = "/api/personal-data/erasures";

    static final String LEARNERS_UNIT = "HN-HOANKIEM";
    static final String HA_ID = "079301000123";
    static final String HA_NAME = "Nguyễn Thị Hà";
    static final String DUNG_ID = "001088004567";
    static final String DUNG_NAME = "Trần Văn Dũng";
    static final String LAN_ID = "031190000042";
    static final String LAN_NAME = "Lê Ngọc Lan";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Pseudonyms pseudonyms;

    @BeforeEach
    void signInAsAnAdministrator() {
        http.getRestTemplate().setInterceptors(List.of(TestCallers.as(TestCallers.ADMIN)));
    }

    @Test
    void anErasedLearnerIsNowhereAndEveryCountStays(CapturedOutput log) {
        String hoanKiem = openClass("HN-HOANKIEM");
        String longBien = openClass("HN-LONGBIEN");
        HttpHeaders idempotent = new HttpHeaders();
        idempotent.set("Idempotency-Key", "enrol-ha-" + UUID.randomUUID());
        assertThat(post(http, "/api/classes/" + hoanKiem + "/enrolments", learner(HA_ID, HA_NAME), idempotent)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(enrolList(hoanKiem, learner(DUNG_ID, DUNG_NAME), learner(LAN_ID, LAN_NAME)))
                .isEqualTo(2);
        assertThat(enrolList(longBien, learner(HA_ID, HA_NAME), learner(DUNG_ID, DUNG_NAME)))
                .isEqualTo(2);
        assertThat(http.exchange(
                                "/api/classes/" + longBien + "/enrolments/" + DUNG_ID,
                                HttpMethod.DELETE,
                                null,
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String contestId = openContest();
        ResponseEntity<JsonNode> entries = post(
                http,
                "/api/contests/" + contestId + "/entries/batch",
                Map.of("entries", List.of(entry(HA_ID, 1), entry(HA_ID, 2), entry(DUNG_ID, 3))),
                new HttpHeaders());
        assertThat(entries.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitClass(hoanKiem, 2, 3);
        awaitClass(longBien, 2, 1);
        awaitContest(contestId, 3, 2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM idempotency_record WHERE body LIKE ?", Long.class, "%" + HA_ID + "%"))
                .as("the answer to her enrolment, kept for a repeat of the request, names her")
                .isEqualTo(1);
        assertThat(eventTableAsText()).doesNotContain(HA_ID, HA_NAME, DUNG_ID, DUNG_NAME, LAN_ID, LAN_NAME);

        ResponseEntity<JsonNode> erased = post(http, ERASURES, Map.of("learnerId", HA_ID), new HttpHeaders());

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String erasureId = erased.getBody().path("id").asText();
        assertThat(UUID.fromString(erasureId)).isNotNull();
        assertThat(erased.getHeaders().getLocation()).hasPath(ERASURES + "/" + erasureId);
        assertThat(erased.getBody().toString()).doesNotContain(HA_ID);

        // Nowhere: the events as stored, the service's tables, the read models, the log.
        assertThat(eventTableAsText()).doesNotContain(HA_ID, HA_NAME, pseudonyms.of(HA_ID));
        assertThat(tableAsText("personal_data_key")).doesNotContain(HA_ID, pseudonyms.of(HA_ID));
        assertThat(tableAsText("enrolment")).doesNotContain(HA_ID, pseudonyms.of(HA_ID));
        assertThat(tableAsText("contest_participant")).doesNotContain(HA_ID, pseudonyms.of(HA_ID));
        assertThat(tableAsText("idempotency_record")).doesNotContain(HA_ID, HA_NAME);
        assertThat(readModelsAsText()).doesNotContain(HA_ID, HA_NAME);
        assertThat(log.getAll()).doesNotContain(HA_ID, HA_NAME, DUNG_ID, DUNG_NAME);

        // Her events read as erased; the others' as they were sent.
        assertThat(learnersOf(hoanKiem))
                .containsExactly(
                        new Learner(null, null, LEARNERS_UNIT),
                        new Learner(DUNG_ID, DUNG_NAME, LEARNERS_UNIT),
                        new Learner(LAN_ID, LAN_NAME, LEARNERS_UNIT));
        assertThat(learnersOf(longBien))
                .containsExactly(
                        new Learner(null, null, LEARNERS_UNIT), new Learner(DUNG_ID, DUNG_NAME, LEARNERS_UNIT));
        assertThat(payloadsOf(longBien))
                .filteredOn(LearnerWithdrawnEvent.class::isInstance)
                .containsExactly(new LearnerWithdrawnEvent(UUID.fromString(longBien), DUNG_ID, LEARNERS_UNIT));

        // The erasure is recorded, by whom, without her.
        Map<String, Object> erasureRow = jdbc.queryForMap(
                "SELECT payload, meta_data FROM domain_event_entry WHERE payload_type LIKE ? AND payload LIKE ?",
                "%.PersonalDataErasedEvent",
                "%" + erasureId + "%");
        assertThat(erasureRow.get("payload").toString()).isEqualTo("{\"erasureId\":\"" + erasureId + "\"}");
        assertThat(erasureRow.get("meta_data").toString()).contains("\"actor\":\"admin\"");

        // Every count stays, in the read models as they are and as they are built again from the events.
        awaitClass(hoanKiem, 2, 3);
        awaitClass(longBien, 2, 1);
        awaitContest(contestId, 3, 2);
        replay(TrainingClassListProjection.PROCESSING_GROUP);
        replay(ContestSummaryProjection.PROCESSING_GROUP);
        awaitClass(hoanKiem, 2, 3);
        awaitClass(longBien, 2, 1);
        awaitContest(contestId, 3, 2);
        assertThat(readModelsAsText()).doesNotContain(HA_ID, HA_NAME);

        // Erased once: a second erasure finds nothing of her, and so does a withdrawal.
        ResponseEntity<JsonNode> again = post(http, ERASURES, Map.of("learnerId", HA_ID), new HttpHeaders());
        assertProblem(again, HttpStatus.NOT_FOUND, "not-found");
        assertThat(again.getBody().toString()).doesNotContain(HA_ID);
        assertProblem(
                http.exchange(
                        "/api/classes/" + hoanKiem + "/enrolments/" + HA_ID, HttpMethod.DELETE, null, JsonNode.class),
                HttpStatus.NOT_FOUND,
                "not-found");
        assertThat(log.getAll()).doesNotContain(HA_ID, HA_NAME, DUNG_ID, DUNG_NAME);
    }

    @Test
    void onlyAnAdministratorErasesAndEveryRefusalChangesNothing() {
        String classId = openClass("HN-QUOCOAI");
        assertThat(enrolList(classId, learner(LAN_ID, LAN_NAME))).isEqualTo(1);
        long events = countEvents();
        long keys = jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class);
        Map<String, String> lan = Map.of("learnerId", LAN_ID);

        assertProblem(
                post(httpAs(TestCallers.viewer()), ERASURES, lan, new HttpHeaders()),
                HttpStatus.FORBIDDEN,
                "forbidden");
        assertProblem(
                post(httpAs(TestCallers.officerOf("HN-QUOCOAI")), ERASURES, lan, new HttpHeaders()),
                HttpStatus.FORBIDDEN,
                "forbidden");
        assertProblem(
                post(http, ERASURES, Map.of("learnerId", "0793 0100 0123"), new HttpHeaders()),
                HttpStatus.BAD_REQUEST,
                "invalid-request");
        assertProblem(post(http, ERASURES, Map.of(), new HttpHeaders()), HttpStatus.BAD_REQUEST, "invalid-request");
        assertProblem(
                post(http, ERASURES, Map.of("learnerId", "079399999999"), new HttpHeaders()),
                HttpStatus.NOT_FOUND,
                "not-found");

        assertThat(countEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(keys);
        assertThat(learnersOf(classId)).containsExactly(new Learner(LAN_ID, LAN_NAME, LEARNERS_UNIT));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM enrolment WHERE class_id = ? AND learner_id = ?",
                        Long.class,
                        classId,
                        pseudonyms.of(LAN_ID)))
                .isEqualTo(1);
    }

    /** A learner erased and then enrolled again is a new learner: a new key, readable, and counted once more. */
    @Test
    void aLearnerEnrolledAgainAfterAnErasureIsReadableAgain() {
        String first = openClass("HN-PHUCTHO");
        String second = openClass("HN-PHUCTHO");
        String id = "040200000777";
        String name = "Phạm Quang Minh";
        assertThat(enrolList(first, learner(id, name))).isEqualTo(1);
        assertThat(post(http, ERASURES, Map.of("learnerId", id), new HttpHeaders())
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        assertThat(enrolList(second, learner(id, name))).isEqualTo(1);

        assertThat(learnersOf(first)).containsExactly(new Learner(null, null, LEARNERS_UNIT));
        assertThat(learnersOf(second)).containsExactly(new Learner(id, name, LEARNERS_UNIT));
        awaitClass(first, 1, 1);
        awaitClass(second, 1, 1);
    }

    @Test
    void theClassListShowsNamesAndIdentityNumbersOnlyToThoseWhoMayChangeTheClass() {
        String classId = openClass("HN-HOANKIEM");
        String minh = "040200000888";
        assertThat(enrolList(classId, learner(HA_ID, HA_NAME), learner(DUNG_ID, DUNG_NAME), learner(minh, "Vũ Minh")))
                .isEqualTo(3);
        assertThat(http.exchange(
                                "/api/classes/" + classId + "/enrolments/" + minh,
                                HttpMethod.DELETE,
                                null,
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String list = "/api/classes/" + classId + "/enrolments";

        for (TestRestTemplate allowed : List.of(http, httpAs(TestCallers.officerOf("HN-HOANKIEM")))) {
            JsonNode inClear = allowed.getForEntity(list, JsonNode.class).getBody();
            assertThat(inClear.path("total").asLong()).isEqualTo(2);
            assertThat(inClear.path("items").toString())
                    .isEqualTo("[{\"learnerId\":\"" + HA_ID + "\",\"fullName\":\"" + HA_NAME
                            + "\",\"unitId\":\"HN-HOANKIEM\",\"erased\":false},{\"learnerId\":\"" + DUNG_ID
                            + "\",\"fullName\":\"" + DUNG_NAME + "\",\"unitId\":\"HN-HOANKIEM\",\"erased\":false}]");
        }
        for (Caller other : List.of(
                TestCallers.officerOf("HN-LONGBIEN"),
                TestCallers.viewer(),
                Caller.of("auditor", List.of(Role.AUDITOR), "HN"))) {
            ResponseEntity<JsonNode> masked = httpAs(other).getForEntity(list, JsonNode.class);
            assertThat(masked.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(masked.getBody().path("items").toString())
                    .as(other.name())
                    .isEqualTo("[{\"learnerId\":\"0793******23\",\"fullName\":null,\"unitId\":\"HN-HOANKIEM\","
                            + "\"erased\":false},{\"learnerId\":\"0010******67\",\"fullName\":null,"
                            + "\"unitId\":\"HN-HOANKIEM\",\"erased\":false}]")
                    .doesNotContain(HA_ID, HA_NAME, DUNG_ID, DUNG_NAME);
        }

        JsonNode secondPage =
                http.getForEntity(list + "?page=1&size=1", JsonNode.class).getBody();
        assertThat(secondPage.path("items").get(0).path("learnerId").asText()).isEqualTo(DUNG_ID);
        assertThat(secondPage.path("total").asLong()).isEqualTo(2);
        assertProblem(http.getForEntity(list + "?size=501", JsonNode.class), HttpStatus.BAD_REQUEST, "invalid-request");
        assertProblem(
                http.getForEntity("/api/classes/" + UUID.randomUUID() + "/enrolments", JsonNode.class),
                HttpStatus.NOT_FOUND,
                "not-found");
        assertProblem(
                http.getForEntity("/api/classes/" + openContest() + "/enrolments", JsonNode.class),
                HttpStatus.NOT_FOUND,
                "not-found");

        assertThat(post(http, ERASURES, Map.of("learnerId", DUNG_ID), new HttpHeaders())
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForEntity(list, JsonNode.class)
                        .getBody()
                        .path("items")
                        .toString())
                .isEqualTo("[{\"learnerId\":\"" + HA_ID + "\",\"fullName\":\"" + HA_NAME
                        + "\",\"unitId\":\"HN-HOANKIEM\",\"erased\":false},"
                        + "{\"learnerId\":null,\"fullName\":null,\"unitId\":\"HN-HOANKIEM\",\"erased\":true}]");
    }

    String eventTableAsText() {
        return tableAsText("domain_event_entry");
    }

    String tableAsText(String table) {
        StringBuilder text = new StringBuilder();
        jdbc.query("SELECT * FROM " + table, row -> {
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                text.append(row.getString(column)).append('|');
            }
            text.append('\n');
        });
        return text.toString();
    }

    String readModelsAsText() {
        StringBuilder text = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                text.append(document.toJson()).append('\n');
            }
        }
        return text.toString();
    }

    List<Object> payloadsOf(String aggregateId) {
        List<Object> payloads = new ArrayList<>();
        eventStore
                .readEvents(aggregateId)
                .asStream()
                .map(EventMessage::getPayload)
                .forEach(payloads::add);
        return payloads;
    }

    List<Learner> learnersOf(String classId) {
        return payloadsOf(classId).stream()
                .filter(LearnersEnrolledEvent.class::isInstance)
                .flatMap(event -> ((LearnersEnrolledEvent) event).learners().stream())
                .toList();
    }

    long countEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    void replay(String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    String openClass(String organizerUnitId) {
        ResponseEntity<JsonNode> created = post(
                http,
                "/api/classes",
                Map.of(
                        "title", "Bồi dưỡng lý luận chính trị",
                        "organizerUnitId", organizerUnitId,
                        "bloc", "PARTY",
                        "format", "IN_PERSON",
                        "startsOn", "2022-03-01",
                        "endsOn", "2022-03-05"),
                new HttpHeaders());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asText();
    }

    String openContest() {
        ResponseEntity<JsonNode> created = post(
                http,
                "/api/contests",
                Map.of(
                        "title", "Tìm hiểu Nghị quyết 15",
                        "subject", "Nghị quyết 15-NQ/TW",
                        "opensAt", "2022-08-01T01:00:00Z",
                        "closesAt", "2022-09-30T16:59:59Z"),
                new HttpHeaders());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asText();
    }

    int enrolList(String classId, Map<?, ?>... learners) {
        ResponseEntity<JsonNode> outcome = post(
                http,
                "/api/classes/" + classId + "/enrolments/batch",
                Map.of("learners", List.of(learners)),
                new HttpHeaders());
        assertThat(outcome.getStatusCode()).isEqualTo(HttpStatus.OK);
        return outcome.getBody().path("accepted").asInt();
    }

    static Map<String, String> learner(String learnerId, String fullName) {
        return Map.of("learnerId", learnerId, "fullName", fullName, "unitId", LEARNERS_UNIT);
    }

    static Map<String, Object> entry(String participantId, int minute) {
        return Map.of(
                "participantId",
                participantId,
                "unitId",
                "HN-PHUCTHO",
                "submittedAt",
                "2022-08-02T0" + minute + ":00:00Z",
                "score",
                80);
    }

    void awaitClass(String classId, long version, long enrolled) {
        await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.getForEntity("/api/classes/" + classId, JsonNode.class),
                        found -> found.getStatusCode().is2xxSuccessful()
                                && found.getBody().path("version").asLong() == version
                                && found.getBody().path("enrolled").asLong() == enrolled);
    }

    void awaitContest(String contestId, long entries, long participants) {
        await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.getForEntity("/api/contests/" + contestId, JsonNode.class),
                        found -> found.getStatusCode().is2xxSuccessful()
                                && found.getBody().path("entries").asLong() == entries
                                && found.getBody().path("participants").asLong() == participants);
    }

    TestRestTemplate httpAs(Caller caller) {
        return new TestRestTemplate(
                new RestTemplateBuilder().rootUri(http.getRootUri()).additionalInterceptors(TestCallers.as(caller)));
    }

    static ResponseEntity<JsonNode> post(TestRestTemplate client, String path, Object body, HttpHeaders headers) {
        HttpHeaders sent = new HttpHeaders();
        sent.addAll(headers);
        sent.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, sent), JsonNode.class);
    }

    static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:giaoban:problem:" + type);
    }
}
