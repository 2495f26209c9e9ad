package org.giaoban.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.giaoban.platform.testing.ServiceHttp;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.training.personaldata.Pseudonyms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Sixteen callers writing at once, whatever stores training-service runs on: every count it keeps (a class's
 * {@code enrolled}, its roster, the learners in its events, a contest's entries and distinct participants) equals
 * exactly what the answers said was accepted. The callers start each round together at a barrier; two of them send
 * the same learner in the same round, and neighbours' class lists and contest batches overlap. Each subclass starts
 * the service on one set of stores.
 */
@TestPropertySource(properties = TestCallers.SECRET_PROPERTY)
abstract class ConcurrentWritesContract {

    static final int CALLERS = 16;
    static final int CAPACITY = 60;
    static final int LIST_SIZE = 5;
    static final int ENTRIES_PER_BATCH = 10;
    static final int PARTICIPANTS = 60;
    static final String OPENS_AT = "2022-08-01T01:00:00Z";
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonyms pseudonyms;

    ServiceHttp http;

    @BeforeEach
    void callTheService() {
        http = new ServiceHttp(port);
    }

    @Test
    void sixteenCallersAtOnceAreCountedExactlyAsTheirAnswersSaid() throws Exception {
        String open = createdId(http.post("/api/classes", ClassesAndEnrolmentsContract.classBody("HN-LONGBIEN", null)));
        String limited =
                createdId(http.post("/api/classes", ClassesAndEnrolmentsContract.classBody("HN-LONGBIEN", CAPACITY)));
        String contest = createdId(http.post(
                "/api/contests",
                Map.of(
                        "title", "Cuộc thi tìm hiểu Nghị quyết 15-NQ/TW",
                        "subject", "Nghị quyết 15-NQ/TW",
                        "opensAt", OPENS_AT,
                        "closesAt", "2022-09-30T16:59:59Z")));

        List<List<HttpResponse<String>>> answers = allAtOnce(caller -> List.of(
                // callers 2k and 2k+1 enrol the same learner in the same round
                http.post("/api/classes/" + open + "/enrolments", learner("pair-" + caller / 2)),
                // each list overlaps its neighbour's by two learners, and names one unknown unit
                http.post("/api/classes/" + limited + "/enrolments/batch", Map.of("learners", listOf(caller))),
                http.post("/api/classes/" + limited + "/enrolments", learner("single-" + caller)),
                http.post("/api/contests/" + contest + "/entries/batch", Map.of("entries", entriesOf(caller))),
                http.post("/api/contests/" + contest + "/entries", entry(participant(caller % 7), "HN-LONGBIEN"))));

        // the same learner twice at once: enrolled once, the other told so
        for (int pair = 0; pair < CALLERS / 2; pair++) {
            List<Integer> statuses = List.of(
                    answers.get(2 * pair).get(0).statusCode(),
                    answers.get(2 * pair + 1).get(0).statusCode());
            assertThat(statuses).as("pair %d", pair).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(answers).allSatisfy(rounds -> {
            if (rounds.get(0).statusCode() == 409) {
                assertThat(rounds.get(0).body()).contains("urn:giaoban:problem:already-enrolled");
            }
        });
        assertThat(roster(open)).hasSize(CALLERS / 2);

        // a class of 60 asked for 50 learners in overlapping lists, then 16 one by one: filled exactly, never beyond
        long acceptedFromLists = 0;
        long acceptedOneByOne = 0;
        for (List<HttpResponse<String>> rounds : answers) {
            HttpResponse<String> list = rounds.get(1);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonNode outcome = ServiceHttp.parse(list.body());
            JsonNode rejected = outcome.path("rejected");
            assertThat(outcome.path("accepted").asInt()
                            + outcome.path("duplicates").asInt()
                            + rejected.size())
                    .isEqualTo(LIST_SIZE + 1);
            assertThat(rejected.findValuesAsText("code")).containsExactly("unknown-unit");
            acceptedFromLists += outcome.path("accepted").asInt();

            HttpResponse<String> single = rounds.get(2);
            assertThat(single.statusCode()).as(single.body()).isIn(201, 409);
            if (single.statusCode() == 409) {
                assertThat(single.body()).contains("urn:giaoban:problem:class-full");
            } else {
                acceptedOneByOne++;
            }
        }
        assertThat(acceptedFromLists).as("distinct learners in the lists").isEqualTo(3 * (CALLERS - 1) + LIST_SIZE);
        assertThat(acceptedOneByOne).isEqualTo(CAPACITY - acceptedFromLists);
        Set<String> strangers = new HashSet<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            strangers.add(pseudonyms.of("stranger-" + caller));
        }
        assertThat(roster(limited)).hasSize(CAPACITY).doesNotContainAnyElementsOf(strangers);

        // every entry accepted is counted once, every participant once, whatever batch it came in
        long acceptedEntries = 0;
        Set<String> acceptedParticipants = new HashSet<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            HttpResponse<String> batch = answers.get(caller).get(3);
            assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
            JsonNode outcome = ServiceHttp.parse(batch.body());
            assertThat(outcome.path("accepted").asInt()).isEqualTo(ENTRIES_PER_BATCH);
            assertThat(outcome.path("rejected").findValuesAsText("participantId"))
                    .containsExactly("ghost-" + caller);
            acceptedEntries += ENTRIES_PER_BATCH;
            for (int j = 0; j < ENTRIES_PER_BATCH; j++) {
                acceptedParticipants.add(participant(5 * caller + j));
            }

            HttpResponse<String> single = answers.get(caller).get(4);
            assertThat(single.statusCode()).as(single.body()).isEqualTo(202);
            acceptedEntries++;
            acceptedParticipants.add(participant(caller % 7));
        }
        assertThat(Set.copyOf(jdbc.queryForList(
                        "SELECT participant_id FROM contest_participant WHERE contest_id = ?", String.class, contest)))
                .as("the participants, known by their pseudonyms")
                .isEqualTo(pseudonymsOf(acceptedParticipants));

        // the events say the same, and so do the read models once they have caught up
        assertThat(learnersInEvents(open)).isEqualTo(CALLERS / 2);
        assertThat(learnersInEvents(limited)).isEqualTo(CAPACITY);
        assertThat(contestEvents(contest, "entries")).isEqualTo(acceptedEntries);
        assertThat(contestEvents(contest, "newParticipants")).isEqualTo(acceptedParticipants.size());
        awaitClass(open, CALLERS / 2);
        awaitClass(limited, CAPACITY);
        long entries = acceptedEntries;
        JsonNode summary = await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.json(http.get("/api/contests/" + contest)),
                        found -> found.path("entries").asLong() == entries);
        assertThat(summary.path("participants").asLong()).isEqualTo(acceptedParticipants.size());
    }

    /**
     * Each caller's requests, sent in rounds: the callers wait for one another at a barrier before each round, so
     * that the requests of a round arrive together. Answers by caller, then by round.
     */
    List<List<HttpResponse<String>>> allAtOnce(IntFunction<List<HttpRequest.Builder>> requests) throws Exception {
        CyclicBarrier together = new CyclicBarrier(CALLERS);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<List<HttpResponse<String>>>> running = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                List<HttpRequest.Builder> rounds = requests.apply(caller);
                running.add(callers.submit(() -> {
                    List<HttpResponse<String>> answered = new ArrayList<>();
                    for (HttpRequest.Builder request : rounds) {
                        together.await(30, TimeUnit.SECONDS);
                        answered.add(http.send(request));
                    }
                    return answered;
                }));
            }
            List<List<HttpResponse<String>>> answers = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> caller : running) {
                answers.add(caller.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    /** Five learners from {@code 3 × caller}, so that neighbours share two, and one of a unit that does not exist. */
    static List<Map<String, String>> listOf(int caller) {
        List<Map<String, String>> learners = new ArrayList<>();
        for (int i = 3 * caller; i < 3 * caller + LIST_SIZE; i++) {
            learners.add(learner("listed-" + i));
        }
        learners.add(2, Map.of("learnerId", "stranger-" + caller, "fullName", "Trần Văn Nam", "unitId", "HN-XX"));
        return learners;
    }

    /** Ten entries of participants from {@code 5 × caller} (wrapping at 60), and one of a unit that does not exist. */
    static List<Map<String, Object>> entriesOf(int caller) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int j = 0; j < ENTRIES_PER_BATCH; j++) {
            entries.add(entry(participant(5 * caller + j), "HN-LONGBIEN"));
        }
        entries.add(entry("ghost-" + caller, "HN-ATLANTIS"));
        return entries;
    }

    static String participant(int i) {
        return "participant-" + (i % PARTICIPANTS);
    }

    static Map<String, String> learner(String learnerId) {
        return Map.of("learnerId", learnerId, "fullName", "Nguyễn Thị Hà", "unitId", "HN-LONGBIEN");
    }

    static Map<String, Object> entry(String participantId, String unitId) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("participantId", participantId);
        entry.put("unitId", unitId);
        entry.put("submittedAt", OPENS_AT);
        entry.put("score", 90);
        return entry;
    }

    String createdId(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> created = http.send(request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ServiceHttp.parse(created.body()).path("id").asText();
    }

    Set<String> pseudonymsOf(Set<String> personIds) {
        Set<String> known = new HashSet<>();
        personIds.forEach(personId -> known.add(pseudonyms.of(personId)));
        return known;
    }

    /** The class's roster: its learners' pseudonyms. */
    Set<String> roster(String classId) {
        return new LinkedHashSet<>(
                jdbc.queryForList("SELECT learner_id FROM enrolment WHERE class_id = ?", String.class, classId));
    }

    /** The learners the class's enrolment events name, counted as stored (a learner in two events counts twice). */
    long learnersInEvents(String classId) {
        return jdbc
                .queryForList(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                        String.class,
                        classId,
                        "%.LearnersEnrolledEvent")
                .stream()
                .mapToLong(
                        payload -> ServiceHttp.parse(payload).path("learners").size())
                .sum();
    }

    /** Over the contest's entry events: the number of {@code entries}, or the sum of {@code newParticipants}. */
    long contestEvents(String contestId, String field) {
        return jdbc
                .queryForList(
                        "SELECT payload FROM domain_event_entry WHERE payload_type LIKE ? AND payload LIKE ?",
                        String.class,
                        "%.ContestEntriesSubmittedEvent",
                        "%\"contestId\":\"" + contestId + "\"%")
                .stream()
                .map(ServiceHttp::parse)
                .mapToLong(event -> event.path(field).isArray()
                        ? event.path(field).size()
                        : event.path(field).asLong())
                .sum();
    }

    /** The class as read once its read model has applied every event of the class. */
    void awaitClass(String classId, long enrolled) {
        long lastSequence = jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                classId);
        JsonNode read = await().atMost(READ_MODEL_WAIT)
                .until(
                        () -> http.json(http.get("/api/classes/" + classId)),
                        found -> found.path("version").asLong() == lastSequence);
        assertThat(read.path("enrolled").asLong()).isEqualTo(enrolled);
    }
}
