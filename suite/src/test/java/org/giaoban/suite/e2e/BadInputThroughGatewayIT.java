package org.giaoban.suite.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.suite.e2e.RunningSuite.TASKS;
import static org.giaoban.suite.e2e.RunningSuite.TRAINING;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the gateway, against the running suite: malformed JSON, wrong types, missing fields, unknown enum
 * values, impossible and out-of-range dates, 100,000-character strings, control characters, path traversal and
 * injection in ids, unknown ids (including the id of another kind of record), batches of 10,001, broken CSV. Each is
 * refused with a {@code 4xx} {@code application/problem+json} that names the field at fault where there is one, stores
 * no event, and the service answers the next request. Text typed in NFD is the same text as typed in NFC.
 *
 * <p>The battery writes as the officer of Ba Đình, whom no other class signs in as, so that the gateway's rate limit
 * of one caller does not touch the others; the few requests that need an administrator's reach (another unit's
 * records) go as {@code admin}.
 */
@ExtendWith(SharedSuite.class)
class BadInputThroughGatewayIT {

    static final String OFFICER = "badinh";
    static final String UNIT = "HN-BADINH";
    static final String LONG = "x".repeat(100_000);
    static final String NAME = "Nguyễn Thị Hà";
    static final String JSON = "application/json";
    static final String CSV = "text/csv";

    static RunningSuite suite;
    static Map<String, StoredEvents> events;
    static String taskId;
    static String documentId;
    static String classId;
    static String contestId;

    /** One bad request: what it is, the service it is for, and the status and invalid field it must be answered with. */
    record Bad(
            String what,
            String user,
            String service,
            String method,
            String path,
            String contentType,
            byte[] body,
            int status,
            String field) {

        @Override
        public String toString() {
            return what;
        }
    }

    @BeforeAll
    static void joinTheSuiteAndOpenRecordsToAimAt(RunningSuite running) {
        suite = running;
        events = Map.of(
                TASKS, new StoredEvents(suite.dataDir(), TASKS), TRAINING, new StoredEvents(suite.dataDir(), TRAINING));
        taskId = created(OFFICER, "/api/tasks", """
                {"programme": "2022", "title": "Tuyên truyền Nghị quyết 15-NQ/TW", "unitId": "HN-BADINH",
                 "dueOn": "2022-06-30"}""");
        documentId = created(OFFICER, "/api/documents", """
                {"number": "%s", "title": "Kế hoạch tuyên truyền", "kind": "PLAN", "unitId": "HN-BADINH",
                 "issuedOn": "2022-03-01"}""".formatted(unique("7-KH/BTGQU")));
        classId = created(OFFICER, "/api/classes", """
                {"title": "Bồi dưỡng lý luận chính trị", "organizerUnitId": "HN-BADINH", "bloc": "PARTY",
                 "format": "IN_PERSON", "startsOn": "2022-03-01", "endsOn": "2022-03-05", "capacity": 20000}""");
        contestId = created("admin", "/api/contests", """
                {"title": "Tìm hiểu Nghị quyết 15-NQ/TW", "subject": "Nghị quyết 15-NQ/TW",
                 "opensAt": "2022-06-01T00:00:00Z", "closesAt": "2022-08-31T16:59:59Z"}""");
    }

    /** Evaluated when the test runs, after the records it aims at exist. */
    static Stream<Bad> badRequests() {
        String task = "{\"programme\": \"2022\", \"title\": %s, \"unitId\": %s, \"dueOn\": %s}";
        String title = "\"Sơ kết\"";
        String unit = "\"HN-BADINH\"";
        String due = "\"2022-06-30\"";
        String classes = "/api/classes/" + classId;
        String contests = "/api/contests/" + contestId;
        return Stream.of(
                // The body: not JSON, not the shape, not the types.
                json("JSON cut short", TASKS, "POST", "/api/tasks", "{\"programme\": \"2022\", \"title\": ", 400, null),
                bad(
                        "a form instead of JSON",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        "application/x-www-form-urlencoded",
                        "title=x".getBytes(UTF_8),
                        415,
                        null),
                json("an array instead of an object", TASKS, "POST", "/api/tasks", "[]", 400, null),
                json("the JSON null", TASKS, "POST", "/api/tasks", "null", 400, null),
                json("no body at all", TASKS, "POST", "/api/tasks", "", 400, null),
                json("nesting 100,000 deep", TASKS, "POST", "/api/tasks", "[".repeat(100_000), 400, null),
                json(
                        "a title that is a list",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted("[\"x\"]", unit, due),
                        400,
                        "title"),
                json(
                        "a due date that is a number",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted(title, unit, "20220630"),
                        400,
                        "dueOn"),
                json("every field missing", TASKS, "POST", "/api/tasks", "{}", 400, "dueOn"),
                json(
                        "a class without its bloc",
                        TRAINING,
                        "POST",
                        "/api/classes",
                        classBody("null", "120"),
                        400,
                        "bloc"),
                json(
                        "a capacity of 1.5",
                        TRAINING,
                        "POST",
                        "/api/classes",
                        classBody("\"PARTY\"", "1.5"),
                        400,
                        "capacity"),
                json(
                        "a capacity beyond any int",
                        TRAINING,
                        "POST",
                        "/api/classes",
                        classBody("\"PARTY\"", "99999999999"),
                        400,
                        "capacity"),
                json(
                        "a capacity of 1e400",
                        TRAINING,
                        "POST",
                        "/api/classes",
                        classBody("\"PARTY\"", "1e400"),
                        400,
                        "capacity"),
                json(
                        "a capacity of -5",
                        TRAINING,
                        "POST",
                        "/api/classes",
                        classBody("\"PARTY\"", "-5"),
                        400,
                        "capacity"),
                json(
                        "a score of 101",
                        TRAINING,
                        "POST",
                        contests + "/entries",
                        entry("\"p-001\"", "\"2022-06-02T01:00:00Z\"", "101"),
                        400,
                        "score"),
                // Unknown enum values.
                json("an unknown bloc", TRAINING, "POST", "/api/classes", classBody("\"ARMY\"", "120"), 400, "bloc"),
                json(
                        "an unknown document kind",
                        TASKS,
                        "POST",
                        "/api/documents",
                        documentOfKind("\"MEMO\""),
                        400,
                        "kind"),
                json(
                        "an unknown bloc in a plan",
                        TRAINING,
                        "PUT",
                        "/api/training-plans/HN-BADINH/2022",
                        "{\"lines\": [{\"label\": \"Khối Đảng\", \"blocs\": [\"ARMY\"], \"classes\": 3}]}",
                        400,
                        "lines[0].blocs[0]"),
                // Dates.
                json(
                        "the 30th of February",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted(title, unit, "\"2022-02-30\""),
                        400,
                        "dueOn"),
                json(
                        "the 13th month",
                        TASKS,
                        "POST",
                        "/api/tasks/" + taskId + "/complete",
                        "{\"completedOn\": \"2022-13-01\"}",
                        400,
                        "completedOn"),
                json(
                        "a due date in the year 99999",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted(title, unit, "\"+99999-01-01\""),
                        400,
                        "dueOn"),
                json(
                        "a rescheduled date in 1066",
                        TASKS,
                        "POST",
                        "/api/tasks/" + taskId + "/reschedule",
                        "{\"dueOn\": \"1066-10-14\", \"reason\": \"Lùi lịch\"}",
                        400,
                        "dueOn"),
                json(
                        "a contest closing in the year 1,000,000,000",
                        TRAINING,
                        "POST",
                        "/api/contests",
                        """
                        {"title": "Cuộc thi", "subject": "Nghị quyết", "opensAt": "2022-06-01T00:00:00Z",
                         "closesAt": "+1000000000-01-01T00:00:00Z"}""",
                        400,
                        "closesAt"),
                json("a class that ends before it starts", TRAINING, "POST", "/api/classes", """
                        {"title": "Lớp", "organizerUnitId": "HN-BADINH", "bloc": "PARTY", "format": "ONLINE",
                         "startsOn": "2022-03-05", "endsOn": "2022-03-01"}""", 400, "endsOn"),
                // 100,000 characters.
                json(
                        "a title of 100,000 characters",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted(quoted(LONG), unit, due),
                        400,
                        "title"),
                json(
                        "a unit of 100,000 characters",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted(title, quoted(LONG), due),
                        400,
                        "unitId"),
                json(
                        "a document kind of 100,000 characters",
                        TASKS,
                        "POST",
                        "/api/documents",
                        documentOfKind(quoted(LONG)),
                        400,
                        "kind"),
                json(
                        "a document number of 100,000 characters",
                        TASKS,
                        "POST",
                        "/api/documents",
                        """
                        {"number": "%s", "title": "Kế hoạch", "kind": "PLAN", "unitId": "HN-BADINH",
                         "issuedOn": "2022-03-01"}""".formatted(LONG),
                        400,
                        "number"),
                json(
                        "a reason of 100,000 characters",
                        TASKS,
                        "POST",
                        "/api/tasks/" + taskId + "/cancel",
                        "{\"reason\": " + quoted(LONG) + "}",
                        400,
                        "reason"),
                json(
                        "a learner's name of 100,000 characters",
                        TRAINING,
                        "POST",
                        classes + "/enrolments",
                        learner("\"079301000123\"", quoted(LONG)),
                        400,
                        "fullName"),
                json(
                        "a learner id of 100,000 characters",
                        TRAINING,
                        "POST",
                        classes + "/enrolments",
                        learner(quoted(LONG), quoted(NAME)),
                        400,
                        "learnerId"),
                json(
                        "a plan line's label of 100,000 characters",
                        TRAINING,
                        "PUT",
                        "/api/training-plans/HN-BADINH/2022",
                        "{\"lines\": [{\"label\": " + quoted(LONG) + ", \"blocs\": [\"STATE\"], \"classes\": 3}]}",
                        400,
                        "lines[0].label"),
                // Control characters and text that is not text.
                json(
                        "a NUL in a title",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted("\"Sơ\\u0000kết\"", unit, due),
                        400,
                        "title"),
                json(
                        "an escape sequence in a title",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted("\"\\u001b[2JSơ kết\"", unit, due),
                        400,
                        "title"),
                json(
                        "a line break in a title",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted("\"Sơ\\nkết\"", unit, due),
                        400,
                        "title"),
                json(
                        "a NUL in a unit id",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted(title, "\"HN-BADINH\\u0000\"", due),
                        400,
                        "unitId"),
                json(
                        "a bell in a reason",
                        TASKS,
                        "POST",
                        "/api/tasks/" + taskId + "/cancel",
                        "{\"reason\": \"Trùng lịch\\u0007\"}",
                        400,
                        "reason"),
                json(
                        "a control character in a learner's name",
                        TRAINING,
                        "POST",
                        classes + "/enrolments",
                        learner("\"079301000123\"", "\"Nguyễn\\u0008 Thị Hà\""),
                        400,
                        "fullName"),
                json(
                        "a control character in a name in a JSON class list",
                        TRAINING,
                        "POST",
                        classes + "/enrolments/batch",
                        "{\"learners\": [{\"learnerId\": \"079301000123\", \"fullName\": \"Hà\\u0085\", \"unitId\": \"HN\"}]}",
                        400,
                        "learners[0].fullName"),
                json(
                        "half a surrogate pair in a title",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted("\"Sơ kết \\ud800\"", unit, due),
                        400,
                        "title"),
                bad(
                        "bytes that are not UTF-8",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        JSON,
                        bytes(
                                "{\"programme\": \"2022\", \"title\": \"S",
                                new byte[] {(byte) 0xC3, (byte) 0x28},
                                "\", \"unitId\": \"HN-BADINH\", \"dueOn\": \"2022-06-30\"}"),
                        400,
                        null),
                // Ids: path traversal, injection, not UUIDs, unknown, of another kind of record.
                json(
                        "a task id climbing out of its path",
                        TASKS,
                        "POST",
                        "/api/tasks/..%2F..%2Factuator%2Fenv/complete",
                        "{\"completedOn\": \"2022-06-28\"}",
                        400,
                        null),
                json("a task id of dots", TASKS, "POST", "/api/tasks/%2e%2e/cancel", "{\"reason\": \"x\"}", 400, null),
                json(
                        "a plan's unit climbing out of its path",
                        TRAINING,
                        "PUT",
                        "/api/training-plans/..%2F..%2Fadmin/2022",
                        plan(),
                        400,
                        null),
                json(
                        "SQL in a task id",
                        TASKS,
                        "POST",
                        "/api/tasks/'%20OR%20'1'%3D'1/complete",
                        "{\"completedOn\": \"2022-06-28\"}",
                        400,
                        "taskId"),
                json(
                        "SQL in a plan's unit",
                        TRAINING,
                        "PUT",
                        "/api/training-plans/HN'%20OR%20'1'%3D'1/2022",
                        plan(),
                        400,
                        "unitId"),
                json(
                        "a script in a plan's unit",
                        TRAINING,
                        "PUT",
                        "/api/training-plans/%3Cscript%3Ealert(1)%3C%2Fscript%3E/2022",
                        plan(),
                        400,
                        null),
                json(
                        "a year that is not a number",
                        TRAINING,
                        "PUT",
                        "/api/training-plans/HN-BADINH/MMXXII",
                        plan(),
                        400,
                        "year"),
                json(
                        "a year beyond any int",
                        TRAINING,
                        "PUT",
                        "/api/training-plans/HN-BADINH/99999999999",
                        plan(),
                        400,
                        "year"),
                json(
                        "a class id that is not a UUID",
                        TRAINING,
                        "POST",
                        "/api/classes/42/cancel",
                        "{\"reason\": \"Không đủ học viên\"}",
                        400,
                        "classId"),
                json(
                        "an unknown work item",
                        TASKS,
                        "POST",
                        "/api/tasks/" + UUID.randomUUID() + "/complete",
                        "{\"completedOn\": \"2022-06-28\"}",
                        404,
                        null),
                json(
                        "a document's id as a work item's",
                        TASKS,
                        "POST",
                        "/api/tasks/" + documentId + "/complete",
                        "{\"completedOn\": \"2022-06-28\"}",
                        404,
                        null),
                asAdmin(json(
                        "a document's id as a work item's, for an administrator",
                        TASKS,
                        "POST",
                        "/api/tasks/" + documentId + "/cancel",
                        "{\"reason\": \"Nhầm\"}",
                        404,
                        null)),
                json(
                        "a work item's id as a document's",
                        TASKS,
                        "POST",
                        "/api/documents/" + taskId + "/revoke",
                        "{\"reason\": \"Nhầm\"}",
                        404,
                        null),
                json(
                        "a contest's id as a class's",
                        TRAINING,
                        "POST",
                        "/api/classes/" + contestId + "/enrolments",
                        learner("\"079301000123\"", quoted(NAME)),
                        404,
                        null),
                asAdmin(json(
                        "a contest's id as a class's, for an administrator",
                        TRAINING,
                        "POST",
                        "/api/classes/" + contestId + "/cancel",
                        "{\"reason\": \"Nhầm\"}",
                        404,
                        null)),
                json(
                        "a class's id as a contest's",
                        TRAINING,
                        "POST",
                        "/api/contests/" + classId + "/entries",
                        entry("\"p-001\"", "\"2022-06-02T01:00:00Z\"", "80"),
                        404,
                        null),
                bad(
                        "withdrawing a learner never enrolled",
                        TRAINING,
                        "DELETE",
                        classes + "/enrolments/'%20OR%201%3D1--",
                        null,
                        null,
                        404,
                        null),
                json(
                        "an unknown unit",
                        TASKS,
                        "POST",
                        "/api/tasks",
                        task.formatted(title, "\"HN-ATLANTIS\"", due),
                        400,
                        "unitId"),
                // Batches of 10,001.
                json(
                        "a JSON class list of 10,001",
                        TRAINING,
                        "POST",
                        classes + "/enrolments/batch",
                        learners(10_001),
                        413,
                        null),
                bad(
                        "a CSV class list of 10,001",
                        TRAINING,
                        "POST",
                        classes + "/enrolments/batch",
                        CSV,
                        classList(10_001).getBytes(UTF_8),
                        413,
                        null),
                json(
                        "10,001 contest entries",
                        TRAINING,
                        "POST",
                        contests + "/entries/batch",
                        entries(10_001),
                        413,
                        null),
                // Class lists that cannot be read.
                csv(
                        "a CSV quote never closed",
                        "learnerId,fullName,unitId\n079301000123,\"Nguyễn Thị Hà,HN-BADINH\n",
                        "line 2"),
                csv(
                        "text after a closing quote",
                        "learnerId,fullName,unitId\n079301000123,\"Nguyễn\" Hà,HN-BADINH\n",
                        "line 2"),
                csv("a quote inside a field", "learnerId,fullName,unitId\n079301000123,Nguy\"ễn,HN-BADINH\n", "line 2"),
                csv("a row of two fields", "learnerId,fullName,unitId\n079301000123,Nguyễn Thị Hà\n", "line 2"),
                csv("a CSV without its header", "079301000123,Nguyễn Thị Hà,HN-BADINH\n", "line 1"),
                csv(
                        "a control character in a CSV name",
                        "learnerId,fullName,unitId\n079301000123,Nguyễn\u0001Hà,HN\n",
                        "line 2"),
                bad(
                        "a CSV in Windows-1258",
                        TRAINING,
                        "POST",
                        classes + "/enrolments/batch",
                        CSV,
                        bytes("learnerId,fullName,unitId\n079301000123,H", new byte[] {(byte) 0xE0}, "\n"),
                        400,
                        "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedWithAProblemStoresNothingAndTheServiceAnswersOn(Bad bad) {
        StoredEvents store = events.get(bad.service());
        long before = store.count();

        Answer answer =
                politely(() -> suite.as(bad.user()).send(bad.method(), bad.path(), bad.contentType(), bad.body()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(bad.status());
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as(answer.toString()).isEqualTo(bad.status());
        assertThat(problem.path("type").asText()).as(answer.toString()).isNotBlank();
        if (bad.field() != null) {
            assertThat(fields(problem)).as(answer.toString()).contains(bad.field());
        }
        assertThat(answer.body().length())
                .as("the answer does not repeat the input")
                .isLessThan(2_000);
        assertThat(store.count()).as("events in " + bad.service()).isEqualTo(before);
        Answer next =
                politely(() -> suite.as(OFFICER).get(bad.service().equals(TASKS) ? "/api/tasks" : "/api/classes"));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
    }

    @Test
    void aDocumentNumberTypedDecomposedIsTheNumberAlreadyTaken() {
        String number = unique("12-KH/BTG Hà Nội");
        String composed = Normalizer.normalize(number, Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize(number, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        created(OFFICER, "/api/documents", documentNumbered(composed));
        long before = events.get(TASKS).count();

        Answer again = politely(() -> suite.as(OFFICER).post("/api/documents", documentNumbered(decomposed)));

        assertThat(again.json().path("type").asText()).isEqualTo("urn:giaoban:problem:document-number-taken");
        assertThat(events.get(TASKS).count()).isEqualTo(before);
    }

    @Test
    void aTitleTypedDecomposedIsStoredAsTheSameTitleTypedPrecomposed() {
        String title = unique("Quán triệt Nghị quyết Đại hội XIII");
        String decomposed = Normalizer.normalize(title, Normalizer.Form.NFD);

        String id = created(OFFICER, "/api/tasks", """
                {"programme": "2022", "title": "%s", "unitId": "HN-BADINH", "dueOn": "2022-06-30"}""".formatted(decomposed));

        assertThat(events.get(TASKS).ofAggregate(id))
                .singleElement()
                .satisfies(event -> assertThat(event.payload().path("title").asText())
                        .isEqualTo(Normalizer.normalize(title, Normalizer.Form.NFC)));
    }

    @Test
    void aNameTypedDecomposedInAClassListIsStoredAsTheSameNameTypedPrecomposed() {
        String learnerId = String.format("0793%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        String decomposed = Normalizer.normalize(NAME, Normalizer.Form.NFD);
        String classList = "learnerId,fullName,unitId\n" + learnerId + "," + decomposed + ",HN-BADINH\n";

        Answer enrolled = politely(() -> suite.as(OFFICER)
                .send("POST", "/api/classes/" + classId + "/enrolments/batch", CSV, classList.getBytes(UTF_8)));

        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        assertThat(enrolled.json().path("accepted").asInt())
                .as(enrolled.toString())
                .isEqualTo(1);
        Answer listed = suite.as(OFFICER).get("/api/classes/" + classId + "/enrolments?size=500");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode learner = StreamSupport.stream(listed.json().path("items").spliterator(), false)
                .filter(item -> learnerId.equals(item.path("learnerId").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not in the class list: " + listed));
        assertThat(learner.path("fullName").asText()).isEqualTo(NAME);
        assertThat(events.get(TRAINING).mentioning(learnerId))
                .as("the identity number is stored sealed, never in clear")
                .isEmpty();
    }

    /**
     * Sends again after the gateway's {@code Retry-After} when the caller is over its rate, as a well-behaved client
     * does: the battery is many requests from one caller, and the limit is not what it tests.
     */
    static Answer politely(Supplier<Answer> request) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = request.get();
            if (answer.status() != 429 || attempt == 5) {
                return answer;
            }
            try {
                Thread.sleep(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After")))
                        .toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String created(String user, String path, String json) {
        Answer created = politely(() -> suite.as(user).post(path, json));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static Bad bad(
            String what,
            String service,
            String method,
            String path,
            String contentType,
            byte[] body,
            int status,
            String field) {
        return new Bad(what, OFFICER, service, method, path, contentType, body, status, field);
    }

    static Bad json(String what, String service, String method, String path, String body, int status, String field) {
        return bad(what, service, method, path, JSON, body.getBytes(UTF_8), status, field);
    }

    static Bad csv(String what, String classList, String line) {
        return bad(
                what,
                TRAINING,
                "POST",
                "/api/classes/" + classId + "/enrolments/batch",
                CSV,
                classList.getBytes(UTF_8),
                400,
                line);
    }

    static Bad asAdmin(Bad bad) {
        return new Bad(
                bad.what(),
                "admin",
                bad.service(),
                bad.method(),
                bad.path(),
                bad.contentType(),
                bad.body(),
                bad.status(),
                bad.field());
    }

    static String classBody(String bloc, String capacity) {
        return """
                {"title": "Bồi dưỡng nghiệp vụ", "organizerUnitId": "HN-BADINH", "bloc": %s, "format": "ONLINE",
                 "startsOn": "2022-03-01", "endsOn": "2022-03-02", "capacity": %s}""".formatted(bloc, capacity);
    }

    static String documentOfKind(String kind) {
        return """
                {"number": "1-KH/BTGQU", "title": "Kế hoạch", "kind": %s, "unitId": "HN-BADINH",
                 "issuedOn": "2022-03-01"}""".formatted(kind);
    }

    static String documentNumbered(String number) {
        return """
                {"number": "%s", "title": "Kế hoạch", "kind": "PLAN", "unitId": "HN-BADINH",
                 "issuedOn": "2022-03-01"}""".formatted(number);
    }

    static String learner(String learnerId, String fullName) {
        return "{\"learnerId\": %s, \"fullName\": %s, \"unitId\": \"HN-BADINH\"}".formatted(learnerId, fullName);
    }

    static String learners(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> learner(quoted("0013" + (10_000_000 + i)), quoted(NAME)))
                .collect(Collectors.joining(",", "{\"learners\": [", "]}"));
    }

    static String classList(int rows) {
        return IntStream.range(0, rows)
                .mapToObj(i -> "0013" + (10_000_000 + i) + "," + NAME + ",HN-BADINH\n")
                .collect(Collectors.joining("", "learnerId,fullName,unitId\n", ""));
    }

    static String entry(String participantId, String submittedAt, String score) {
        return "{\"participantId\": %s, \"unitId\": \"HN-BADINH\", \"submittedAt\": %s, \"score\": %s}"
                .formatted(participantId, submittedAt, score);
    }

    static String entries(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> entry(quoted("p-" + i), "\"2022-06-02T01:00:00Z\"", "80"))
                .collect(Collectors.joining(",", "{\"entries\": [", "]}"));
    }

    static String plan() {
        return "{\"lines\": [{\"label\": \"Quản lý nhà nước\", \"blocs\": [\"STATE\"], \"classes\": 31}]}";
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText())
                .toList();
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
