package org.giaoban.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.platform.testing.RequestArbitraries.ids;
import static org.giaoban.platform.testing.RequestArbitraries.json;
import static org.giaoban.platform.testing.RequestArbitraries.mutated;
import static org.giaoban.platform.testing.RequestArbitraries.oddDates;
import static org.giaoban.platform.testing.RequestArbitraries.oddNumbers;
import static org.giaoban.platform.testing.RequestArbitraries.oddTexts;
import static org.giaoban.platform.testing.RequestArbitraries.write;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.giaoban.platform.testing.RequestArbitraries;
import org.giaoban.platform.testing.ServiceOnEmbeddedStores;
import org.giaoban.platform.testing.ServiceOnEmbeddedStores.Answer;

/**
 * training-service under generated requests, made from API.md's shapes of classes, enrolments (one, a JSON list, a CSV
 * class list), plans and contests, valid and mutated: however bad a request, the answer is never a server error, and a
 * refused request stores no event.
 */
class BadRequestPropertiesIT {

    static final List<Object> BLOCS = List.of("PARTY", "MASS_ORGANISATIONS", "STATE", "OTHER");

    static ServiceOnEmbeddedStores service;
    static String classId;
    static String contestId;

    @BeforeContainer
    static void startTheService() {
        service = ServiceOnEmbeddedStores.start(TrainingApplication.class);
        classId = created("/api/classes", trainingClass());
        contestId = created("/api/contests", contest());
    }

    @AfterContainer
    static void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 120)
    void openingAClassNeverFailsOnTheServerAndARefusalStoresNothing(@ForAll("classes") String body) {
        send("POST", "/api/classes", "application/json", body);
    }

    @Property(tries = 120)
    void enrollingALearnerNeverFailsOnTheServerAndARefusalStoresNothing(
            @ForAll("classIds") String id, @ForAll("learners") String body) {
        send("POST", "/api/classes/" + id + "/enrolments", "application/json", body);
    }

    @Property(tries = 80)
    void aJsonClassListNeverFailsOnTheServerAndARefusalStoresNothing(@ForAll("learnerLists") String body) {
        send("POST", "/api/classes/" + classId + "/enrolments/batch", "application/json", body);
    }

    @Property(tries = 80)
    void aCsvClassListNeverFailsOnTheServerAndARefusalStoresNothing(@ForAll("classLists") String body) {
        send("POST", "/api/classes/" + classId + "/enrolments/batch", "text/csv", body);
    }

    @Property(tries = 80)
    void recordingAPlanNeverFailsOnTheServerAndARefusalStoresNothing(
            @ForAll("planUnits") String unitId, @ForAll("planYears") String year, @ForAll("plans") String body) {
        send("PUT", "/api/training-plans/" + unitId + "/" + year, "application/json", body);
    }

    @Property(tries = 80)
    void openingAContestNeverFailsOnTheServerAndARefusalStoresNothing(@ForAll("contests") String body) {
        send("POST", "/api/contests", "application/json", body);
    }

    @Property(tries = 80)
    void contestEntriesNeverFailOnTheServerAndARefusalStoresNothing(
            @ForAll("contestIds") String id, @ForAll("entryBatches") String body) {
        send("POST", "/api/contests/" + id + "/entries/batch", "application/json", body);
    }

    @Provide
    Arbitrary<String> classes() {
        return json(mutated(
                trainingClass(),
                Map.of(
                        "title", oddTexts().map(Object.class::cast),
                        "organizerUnitId", oddTexts().map(Object.class::cast),
                        "bloc",
                                Arbitraries.of("PARTY", "party", "ARMY", "", "STATE ")
                                        .map(Object.class::cast),
                        "startsOn", oddDates(),
                        "endsOn", oddDates(),
                        "capacity", oddNumbers())));
    }

    @Provide
    Arbitrary<String> classIds() {
        return ids(classId, contestId);
    }

    @Provide
    Arbitrary<String> contestIds() {
        return ids(contestId, classId);
    }

    @Provide
    Arbitrary<String> learners() {
        return json(learner());
    }

    @Provide
    Arbitrary<String> learnerLists() {
        return json(learner().list().ofMaxSize(20).map(list -> Map.of("learners", list)));
    }

    /** Class lists with odd fields, quotes in odd places, odd line breaks, rows too short or too long. */
    @Provide
    Arbitrary<String> classLists() {
        Arbitrary<String> field = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("079301000123", "Nguyễn Thị Hà", "HN-HOANKIEM", "\"Trần, Văn\"")),
                Tuple.of(2, oddTexts().filter(text -> text.length() < 300)),
                Tuple.of(1, Arbitraries.of("\"", "\"\"", "a\"b", "\"x\"y", "\"open")));
        Arbitrary<String> row = field.list().ofMinSize(1).ofMaxSize(4).map(fields -> String.join(",", fields));
        Arbitrary<String> header =
                Arbitraries.of("learnerId,fullName,unitId", "LEARNERID, fullname ,unitId", "id,name");
        Arbitrary<String> lineBreak = Arbitraries.of("\n", "\r\n", "\r");
        return Combinators.combine(header, row.list().ofMaxSize(10), lineBreak)
                .as((first, rows, end) -> first + end + rows.stream().collect(Collectors.joining(end)));
    }

    @Provide
    Arbitrary<String> planUnits() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("HN-HOANKIEM", "HN")),
                Tuple.of(
                        2,
                        oddTexts().map(RequestArbitraries::pathSegment).filter(RequestArbitraries::passesTheGateway)));
    }

    @Provide
    Arbitrary<String> planYears() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1990, 2110).map(String::valueOf),
                Arbitraries.of("-1", "0", "99999999999", "MMXXII", "2022.5"));
    }

    @Provide
    Arbitrary<String> plans() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("label", "Khối Đảng, đoàn thể");
        line.put("blocs", List.of("PARTY", "MASS_ORGANISATIONS"));
        line.put("classes", 66);
        Arbitrary<Map<String, Object>> lines = mutated(
                line,
                Map.of(
                        "label", oddTexts().map(Object.class::cast),
                        "blocs", Arbitraries.of(BLOCS).list().ofMaxSize(5).map(Object.class::cast),
                        "classes", oddNumbers()));
        return json(lines.list().ofMaxSize(6).map(list -> Map.of("lines", list)));
    }

    @Provide
    Arbitrary<String> contests() {
        return json(mutated(
                contest(),
                Map.of(
                        "title", oddTexts().map(Object.class::cast),
                        "subject", oddTexts().map(Object.class::cast),
                        "opensAt", oddDates(),
                        "closesAt", oddDates())));
    }

    @Provide
    Arbitrary<String> entryBatches() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("participantId", "p-0001");
        entry.put("unitId", "HN-PHUCTHO");
        entry.put("submittedAt", "2022-06-15T09:30:00Z");
        entry.put("score", 87);
        Arbitrary<Map<String, Object>> entries = mutated(
                entry,
                Map.of(
                        "participantId", oddTexts().map(Object.class::cast),
                        "unitId", oddTexts().map(Object.class::cast),
                        "submittedAt", oddDates(),
                        "score", oddNumbers()));
        return json(entries.list().ofMaxSize(20).map(list -> Map.of("entries", list)));
    }

    static Arbitrary<Map<String, Object>> learner() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("learnerId", "079301000123");
        valid.put("fullName", "Nguyễn Thị Hà");
        valid.put("unitId", "HN-HOANKIEM");
        return mutated(
                valid,
                Map.of(
                        "learnerId",
                        oddTexts().map(Object.class::cast),
                        "fullName",
                        oddTexts().map(Object.class::cast),
                        "unitId",
                        oddTexts().map(Object.class::cast)));
    }

    static Map<String, Object> trainingClass() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Bồi dưỡng lý luận chính trị");
        body.put("organizerUnitId", "HN-HOANKIEM");
        body.put("bloc", "PARTY");
        body.put("format", "IN_PERSON");
        body.put("startsOn", "2022-03-01");
        body.put("endsOn", "2022-03-05");
        body.put("capacity", 100_000);
        return body;
    }

    static Map<String, Object> contest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW");
        body.put("subject", "Nghị quyết 15-NQ/TW");
        body.put("opensAt", "2022-06-01T00:00:00Z");
        body.put("closesAt", "2022-08-31T16:59:59Z");
        return body;
    }

    static void send(String method, String path, String contentType, String body) {
        service.sendRequiringNoServerErrorAndNothingStoredWhenRefused(
                method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static String created(String path, Map<String, Object> body) {
        Answer answer = service.sendJson("POST", path, write(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
