package org.giaoban.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.giaoban.identity.Caller;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestOpenedEvent;
import org.giaoban.training.contest.query.ContestSummaryProjection;
import org.giaoban.training.personaldata.Pseudonyms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * training-service on its embedded stores (an H2 file for events, mongo-java-server on an H2 file for read models),
 * called over HTTP: contests with batches of entries, and training plans, by an administrator unless a test says
 * otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestCallers.SECRET_PROPERTY)
class ContestsAndPlansIT {

    static final Path DATA_DIR = temporaryDirectory();
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(60);
    static final Instant OPENS_AT = Instant.parse("2022-08-01T01:00:00Z");
    static final Instant CLOSES_AT = Instant.parse("2022-09-30T16:59:59Z");
    static final String TITLE = "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW";
    static final List<String> UNITS = List.of("HN-HOANKIEM", "HN-LONGBIEN", "HN-QUOCOAI", "HN-PHUCTHO", "HN-BADINH");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    EventProcessingConfiguration processing;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) {
        properties.add("giaoban.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void signInAsAnAdministrator() {
        http.getRestTemplate().setInterceptors(List.of(TestCallers.as(TestCallers.ADMIN)));
    }

    @Test
    void aContestCountsEveryEntryAndEachParticipantOnceAcrossConcurrentOverlappingBatches() {
        String contestId = openContest();
        JsonNode opened = awaitContest(contestId, 0, 0);
        assertThat(opened.path("title").asText()).isEqualTo(TITLE);
        assertThat(opened.path("subject").asText()).isEqualTo("Nghị quyết 15-NQ/TW");
        assertThat(opened.path("opensAt").asText()).isEqualTo("2022-08-01T01:00:00Z");
        assertThat(opened.path("version").asLong()).isZero();

        // 10,000 entries by 7,000 people; then 5,000 entries by 5,000 people of whom 2,000 took part in the first,
        // and one entry for a unit that does not exist.
        List<Map<String, Object>> first = IntStream.range(0, 10_000)
                .mapToObj(i -> entry("p-" + (i % 7_000), UNITS.get(i % UNITS.size()), i))
                .toList();
        List<Map<String, Object>> second = new ArrayList<>(IntStream.range(5_000, 10_000)
                .mapToObj(i -> entry("p-" + i, UNITS.get(i % UNITS.size()), i))
                .toList());
        second.add(2_500, entry("ghost-0001", "HN-ATLANTIS", 1));

        CompletableFuture<ResponseEntity<JsonNode>> firstAnswer =
                CompletableFuture.supplyAsync(() -> postBatch(contestId, first));
        CompletableFuture<ResponseEntity<JsonNode>> secondAnswer =
                CompletableFuture.supplyAsync(() -> postBatch(contestId, second));

        ResponseEntity<JsonNode> firstOutcome = firstAnswer.join();
        assertThat(firstOutcome.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(firstOutcome.getBody().path("accepted").asInt()).isEqualTo(10_000);
        assertThat(firstOutcome.getBody().path("rejected")).isEmpty();
        ResponseEntity<JsonNode> secondOutcome = secondAnswer.join();
        assertThat(secondOutcome.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(secondOutcome.getBody().path("accepted").asInt()).isEqualTo(5_000);
        JsonNode refused = secondOutcome.getBody().path("rejected");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("index").asInt()).isEqualTo(2_500);
        assertThat(refused.get(0).path("participantId").asText()).isEqualTo("ghost-0001");
        assertThat(refused.get(0).path("code").asText()).isEqualTo("unknown-unit");

        JsonNode counted = awaitContest(contestId, 15_000, 10_000);
        assertThat(counted.path("version").asLong()).isZero();
        assertThat(countEntryEvents(contestId)).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM contest_participant WHERE contest_id = ?", Long.class, contestId))
                .isEqualTo(10_000);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM contest_participant WHERE participant_id = ?",
                        Long.class,
                        pseudonyms.of("ghost-0001")))
                .isZero();

        replay(ContestSummaryProjection.PROCESSING_GROUP);
        assertThat(awaitContest(contestId, 15_000, 10_000).path("title").asText())
                .isEqualTo(TITLE);
    }

    @Test
    void theContestSummaryAppliesAContestsOpeningAndEntriesOnOneSegment() {
        UUID contestId = UUID.randomUUID();
        var policy = processing.sequencingPolicy(ContestSummaryProjection.PROCESSING_GROUP);

        Object opening = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>(
                "Contest",
                contestId.toString(),
                0,
                new ContestOpenedEvent(contestId, TITLE, "15-NQ/TW", OPENS_AT, CLOSES_AT)));
        Object entries = policy.getSequenceIdentifierFor(
                GenericEventMessage.asEventMessage(new ContestEntriesSubmittedEvent(contestId, List.of(), 0)));

        assertThat(entries).isEqualTo(opening);
    }

    @Test
    void refusedEntriesLeaveNoTrace() {
        String contestId = openContest();
        long eventsBefore = countAllEvents();

        ResponseEntity<JsonNode> allRefused = postBatch(
                contestId,
                List.of(entry("p-late", "HN-HOANKIEM", CLOSES_AT.plusSeconds(1)), entry("p-unit", "HN-ATLANTIS", 5)));
        assertThat(allRefused.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(allRefused.getBody().path("accepted").asInt()).isZero();
        assertThat(allRefused.getBody().path("rejected").findValuesAsText("code"))
                .containsExactly("outside-contest-window", "unknown-unit");

        ResponseEntity<JsonNode> single = post(
                "/api/contests/" + contestId + "/entries",
                entry("p-early", "HN-HOANKIEM", OPENS_AT.minusSeconds(1)),
                null);
        assertThat(single.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(single.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(single.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("submittedAt");

        ResponseEntity<JsonNode> unknownContest =
                postBatch(UUID.randomUUID().toString(), List.of(entry("p-1", "HN-HOANKIEM", 1)));
        assertThat(unknownContest.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(countAllEvents()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM contest_participant WHERE contest_id = ?", Long.class, contestId))
                .isZero();
        assertThat(awaitContest(contestId, 0, 0).path("entries").asLong()).isZero();
    }

    @Test
    void hoanKiemsPlanFor2022IsRecordedReadBackAndReplacedOnlyWhenItChanges() {
        Map<String, Object> plan = Map.of(
                "lines",
                List.of(
                        Map.of(
                                "label",
                                "Khối Đảng và Đoàn thể",
                                "blocs",
                                List.of("PARTY", "MASS_ORGANISATIONS"),
                                "classes",
                                66),
                        Map.of("label", "Quản lý nhà nước", "blocs", List.of("STATE"), "classes", 31)));

        ResponseEntity<JsonNode> recorded = put("/api/training-plans/HN-HOANKIEM/2022", plan, null);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().path("totalClasses").asInt()).isEqualTo(97);
        assertThat(recorded.getHeaders().getETag()).isEqualTo("\"0\"");

        JsonNode read = awaitPlan("HN-HOANKIEM", 2022, 0);
        assertThat(read.path("unitId").asText()).isEqualTo("HN-HOANKIEM");
        assertThat(read.path("year").asInt()).isEqualTo(2022);
        assertThat(read.path("totalClasses").asInt()).isEqualTo(97);
        assertThat(read.path("lines").get(0).path("label").asText()).isEqualTo("Khối Đảng và Đoàn thể");
        assertThat(read.path("lines").get(0).path("classes").asInt()).isEqualTo(66);
        assertThat(read.path("lines").get(1).path("blocs").get(0).asText()).isEqualTo("STATE");
        assertThat(read.path("lines").get(1).path("classes").asInt()).isEqualTo(31);

        ResponseEntity<JsonNode> again = put("/api/training-plans/HN-HOANKIEM/2022", plan, null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("version").asLong()).isZero();
        assertThat(countPlanEvents("HN-HOANKIEM/2022")).isEqualTo(1);

        Map<String, Object> blocTwice = Map.of(
                "lines",
                List.of(
                        Map.of("label", "Đảng", "blocs", List.of("PARTY"), "classes", 66),
                        Map.of("label", "Nhà nước và Đảng", "blocs", List.of("STATE", "PARTY"), "classes", 31)));
        ResponseEntity<JsonNode> refused = put("/api/training-plans/HN-HOANKIEM/2022", blocTwice, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("lines[1].blocs");
        ResponseEntity<JsonNode> unknownUnit = put("/api/training-plans/HN-ATLANTIS/2022", plan, null);
        assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownUnit.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("unitId");
        assertThat(put("/api/training-plans/HN-HOANKIEM/2022", blocTwice, "\"7\"")
                        .getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(countPlanEvents("HN-HOANKIEM/2022")).isEqualTo(1);

        Map<String, Object> revised = Map.of(
                "lines",
                List.of(Map.of("label", "Tất cả các khối", "blocs", List.of("PARTY", "STATE"), "classes", 100)));
        ResponseEntity<JsonNode> replaced = put("/api/training-plans/HN-HOANKIEM/2022", revised, "\"0\"");
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replaced.getBody().path("version").asLong()).isEqualTo(1);
        assertThat(awaitPlan("HN-HOANKIEM", 2022, 1).path("totalClasses").asInt())
                .isEqualTo(100);
        assertThat(http.getForEntity("/api/training-plans/HN-HOANKIEM/2021", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDistrictOfficerEntersOnlyTheirDistrictsEntriesAndPlansOnlyForTheirDistrict() {
        TestRestTemplate phucTho = httpAs(TestCallers.officerOf("HN-PHUCTHO"));
        long eventsBefore = countAllEvents();

        ResponseEntity<JsonNode> contestRefused =
                exchange(phucTho, HttpMethod.POST, "/api/contests", contestBody(), null);
        assertProblem(contestRefused, HttpStatus.FORBIDDEN, "unit-not-allowed");
        assertThat(countAllEvents()).isEqualTo(eventsBefore);

        String contestId = openContest();
        eventsBefore = countAllEvents();
        ResponseEntity<JsonNode> batchRefused = exchange(
                phucTho,
                HttpMethod.POST,
                "/api/contests/" + contestId + "/entries/batch",
                Map.of("entries", List.of(entry("pt-1", "HN-PHUCTHO", 1), entry("hk-1", "HN-HOANKIEM", 2))),
                null);
        assertProblem(batchRefused, HttpStatus.FORBIDDEN, "unit-not-allowed");
        assertThat(countAllEvents()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM contest_participant WHERE contest_id = ?", Long.class, contestId))
                .isZero();

        ResponseEntity<JsonNode> ownEntries = exchange(
                phucTho,
                HttpMethod.POST,
                "/api/contests/" + contestId + "/entries/batch",
                Map.of("entries", List.of(entry("pt-1", "HN-PHUCTHO", 1), entry("pt-2", "HN-PHUCTHO", 2))),
                null);
        assertThat(ownEntries.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(ownEntries.getBody().path("accepted").asInt()).isEqualTo(2);

        Map<String, Object> plan =
                Map.of("lines", List.of(Map.of("label", "Khối Đảng", "blocs", List.of("PARTY"), "classes", 12)));
        assertProblem(
                exchange(phucTho, HttpMethod.PUT, "/api/training-plans/HN-HOANKIEM/2023", plan, null),
                HttpStatus.FORBIDDEN,
                "unit-not-allowed");
        assertThat(countPlanEvents("HN-HOANKIEM/2023")).isZero();
        assertThat(exchange(phucTho, HttpMethod.PUT, "/api/training-plans/HN-PHUCTHO/2023", plan, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(countPlanEvents("HN-PHUCTHO/2023")).isEqualTo(1);
    }

    String openContest() {
        ResponseEntity<JsonNode> created = post("/api/contests", contestBody(), null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String contestId = created.getBody().path("id").asText();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/contests/" + contestId);
        return contestId;
    }

    static Map<String, Object> contestBody() {
        return Map.of(
                "title",
                TITLE,
                "subject",
                "Nghị quyết 15-NQ/TW",
                "opensAt",
                OPENS_AT.toString(),
                "closesAt",
                CLOSES_AT.toString());
    }

    /** The service's answers to a caller other than the administrator, as the gateway would send them. */
    TestRestTemplate httpAs(Caller caller) {
        return new TestRestTemplate(
                new RestTemplateBuilder().rootUri(http.getRootUri()).additionalInterceptors(TestCallers.as(caller)));
    }

    static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:giaoban:problem:" + type);
    }

    JsonNode awaitContest(String contestId, long entries, long participants) {
        return await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.getForEntity("/api/contests/" + contestId, JsonNode.class),
                        found -> found.getStatusCode().is2xxSuccessful()
                                && found.getBody().path("entries").asLong() == entries
                                && found.getBody().path("participants").asLong() == participants)
                .getBody();
    }

    JsonNode awaitPlan(String unitId, int year, long version) {
        return await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.getForEntity("/api/training-plans/" + unitId + "/" + year, JsonNode.class),
                        found -> found.getStatusCode().is2xxSuccessful()
                                && found.getBody().path("version").asLong() == version)
                .getBody();
    }

    void replay(String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    ResponseEntity<JsonNode> postBatch(String contestId, List<Map<String, Object>> entries) {
        return post("/api/contests/" + contestId + "/entries/batch", Map.of("entries", entries), null);
    }

    ResponseEntity<JsonNode> post(String path, Object body, String ifMatch) {
        return exchange(HttpMethod.POST, path, body, ifMatch);
    }

    ResponseEntity<JsonNode> put(String path, Object body, String ifMatch) {
        return exchange(HttpMethod.PUT, path, body, ifMatch);
    }

    ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String ifMatch) {
        return exchange(http, method, path, body, ifMatch);
    }

    static ResponseEntity<JsonNode> exchange(
            TestRestTemplate client, HttpMethod method, String path, Object body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return client.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    long countAllEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    long countEntryEvents(String contestId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%.ContestEntriesSubmittedEvent'"
                        + " AND payload LIKE ?",
                Long.class, "%\"contestId\":\"" + contestId + "\"%");
    }

    long countPlanEvents(String planId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND type = 'TrainingPlan'",
                Long.class,
                planId);
    }

    static Map<String, Object> entry(String participantId, String unitId, int second) {
        return entry(participantId, unitId, OPENS_AT.plusSeconds(60L * second));
    }

    static Map<String, Object> entry(String participantId, String unitId, Instant submittedAt) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("participantId", participantId);
        entry.put("unitId", unitId);
        entry.put("submittedAt", submittedAt.toString());
        entry.put("score", Math.abs(participantId.hashCode()) % 101);
        return entry;
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("giaoban-training-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
