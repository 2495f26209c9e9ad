package org.giaoban.suite.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentitySecret;
import org.giaoban.identity.IdentityTokens;
import org.giaoban.identity.Role;
import org.giaoban.suite.reference.DatasetPlan.ClassFormat;
import org.giaoban.suite.reference.DatasetPlan.Correction;
import org.giaoban.suite.reference.DatasetPlan.DocumentKind;
import org.giaoban.suite.reference.DatasetPlan.EnrolmentMode;
import org.giaoban.suite.reference.DatasetPlan.Learner;
import org.giaoban.suite.reference.DatasetPlan.PlanLine;
import org.giaoban.suite.reference.DatasetPlan.PlannedClass;
import org.giaoban.suite.reference.DatasetPlan.PlannedDocument;
import org.giaoban.suite.reference.DatasetPlan.PlannedTask;
import org.giaoban.suite.reference.DatasetPlan.PlannedTrainingPlan;
import org.giaoban.suite.reference.DatasetPlan.TaskStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader against a stand-in service on a local port: the requests it sends, and how it stops on a refusal. */
class DatasetLoaderTest {

    private static final Learner HA = new Learner("001190000001", "Nguyễn Thị Hà", "HN-HOANKIEM");
    private static final Learner NAM = new Learner("001090000002", "Trần Văn Nam", "HN-HOANKIEM");

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> identities = new CopyOnWriteArrayList<>();

    @TempDir
    Path dataDir;

    private final AtomicInteger ids = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void eachRecordIsSentAsTheApiTakesItAndInItsOrder() {
        ServiceClient service = serve(this::answerLikeTheServices);
        PlannedTask task = new PlannedTask(
                "T001",
                "2022",
                "Tổng hợp dư luận xã hội tháng 3",
                "HN",
                LocalDate.of(2022, 3, 31),
                null,
                List.of(new TaskStep.Complete(LocalDate.of(2022, 3, 30), "Đã hoàn thành")));
        PlannedDocument document = new PlannedDocument(
                "D0001",
                "1-KH/BTGTU",
                "Kế hoạch bồi dưỡng lý luận chính trị năm 2022",
                DocumentKind.PLAN,
                "HN",
                LocalDate.of(2022, 1, 4),
                "T001",
                "Ban hành nhầm");
        PlannedClass byCsv =
                trainingClass("L0001", List.of(HA, NAM), EnrolmentMode.CSV, List.of("001090000002"), "Hoãn");
        PlannedClass oneByOne = trainingClass("L0002", List.of(HA), EnrolmentMode.ONE_BY_ONE, List.of(), null);
        PlannedTrainingPlan plan = new PlannedTrainingPlan(
                "HN-HOANKIEM", 2022, List.of(new PlanLine("Quản lý nhà nước", List.of(Bloc.STATE), 31)));
        PlannedContest contest = new PlannedContest(
                "Cuộc thi",
                "Nghị quyết 15-NQ/TW",
                Instant.parse("2022-06-01T00:00:00Z"),
                Instant.parse("2022-08-31T16:59:59Z"),
                3,
                2,
                List.of(new PlannedContest.UnitWeight("HN", 1)),
                1);
        DatasetPlan dataset = new DatasetPlan(
                1,
                List.of(task),
                List.of(document),
                List.of(byCsv, oneByOne),
                List.of(plan),
                contest,
                List.of(new Correction.EnrolLearner("L0002", NAM)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        DatasetLoader.Result result = new DatasetLoader(
                        service, service, 1, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .load(dataset);

        assertThat(requests)
                .containsExactly(
                        "POST /api/tasks application/json {\"programme\":\"2022\",\"title\":\"Tổng hợp dư luận xã hội"
                                + " tháng 3\",\"unitId\":\"HN\",\"dueOn\":\"2022-03-31\",\"description\":null}",
                        "POST /api/tasks/1/complete application/json"
                                + " {\"completedOn\":\"2022-03-30\",\"note\":\"Đã hoàn thành\"}",
                        "POST /api/documents application/json {\"number\":\"1-KH/BTGTU\",\"title\":\"Kế hoạch bồi"
                                + " dưỡng lý luận chính trị năm 2022\",\"kind\":\"PLAN\",\"unitId\":\"HN\","
                                + "\"issuedOn\":\"2022-01-04\",\"taskId\":\"1\"}",
                        "POST /api/documents/2/revoke application/json {\"reason\":\"Ban hành nhầm\"}",
                        "POST /api/classes application/json {\"title\":\"Lớp L0001\",\"organizerUnitId\":"
                                + "\"HN-HOANKIEM\",\"bloc\":\"PARTY\",\"format\":\"IN_PERSON\",\"startsOn\":"
                                + "\"2022-03-01\",\"endsOn\":\"2022-03-03\",\"capacity\":null}",
                        "POST /api/classes/3/enrolments/batch text/csv; charset=utf-8 learnerId,fullName,unitId\r\n"
                                + "001190000001,Nguyễn Thị Hà,HN-HOANKIEM\r\n001090000002,Trần Văn Nam,HN-HOANKIEM\r\n",
                        "DELETE /api/classes/3/enrolments/001090000002 - ",
                        "POST /api/classes/3/cancel application/json {\"reason\":\"Hoãn\"}",
                        "POST /api/classes application/json {\"title\":\"Lớp L0002\",\"organizerUnitId\":"
                                + "\"HN-HOANKIEM\",\"bloc\":\"PARTY\",\"format\":\"IN_PERSON\",\"startsOn\":"
                                + "\"2022-03-01\",\"endsOn\":\"2022-03-03\",\"capacity\":null}",
                        "POST /api/classes/4/enrolments application/json {\"learnerId\":\"001190000001\","
                                + "\"fullName\":\"Nguyễn Thị Hà\",\"unitId\":\"HN-HOANKIEM\"}",
                        "PUT /api/training-plans/HN-HOANKIEM/2022 application/json {\"lines\":[{\"label\":"
                                + "\"Quản lý nhà nước\",\"blocs\":[\"STATE\"],\"classes\":31}]}",
                        "POST /api/contests application/json {\"title\":\"Cuộc thi\",\"subject\":\"Nghị quyết"
                                + " 15-NQ/TW\",\"opensAt\":\"2022-06-01T00:00:00Z\",\"closesAt\":"
                                + "\"2022-08-31T16:59:59Z\"}",
                        "POST /api/contests/5/entries/batch application/json "
                                + ServiceClient.JSON.valueToTree(Map.of("entries", contest.batch(0))),
                        "POST /api/classes/4/enrolments application/json {\"learnerId\":\"001090000002\","
                                + "\"fullName\":\"Trần Văn Nam\",\"unitId\":\"HN-HOANKIEM\"}");
        assertThat(result.contestId()).isEqualTo("5");
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("meeting instant: " + result.meetingInstant());
        assertThat(output.indexOf("meeting instant")).isLessThan(output.indexOf("corrections:"));
    }

    @Test
    void aRefusedRequestStopsTheLoadWithTheProblemTheServiceAnswered() {
        String problem = "{\"type\":\"urn:giaoban:problem:document-number-taken\",\"status\":409,"
                + "\"detail\":\"Unit HN already has a document numbered 1-KH/BTGTU.\"}";
        ServiceClient service = serve(request -> new Answer(409, "application/problem+json", problem));

        assertThatThrownBy(() -> service.post("/api/documents", ServiceClient.object("number", "1-KH/BTGTU"), 201))
                .isInstanceOf(LoadFailure.class)
                .hasMessageContaining(
                        "POST http://127.0.0.1:" + server.getAddress().getPort() + "/api/documents")
                .hasMessageContaining("answered 409 (expected 201)")
                .hasMessageContaining(problem);
    }

    @Test
    void aBusyServiceIsAskedAgainAndOneThatStaysBusyStopsTheLoad() {
        String busy = "{\"type\":\"urn:giaoban:problem:busy\",\"status\":503,"
                + "\"detail\":\"The service could not carry out the request in time and stored nothing of it.\"}";
        AtomicInteger answered = new AtomicInteger();
        ServiceClient service = serve(request -> answered.incrementAndGet() <= 2
                ? new Answer(503, "application/problem+json", busy)
                : new Answer(202, "application/json", "{\"accepted\":1}"));

        assertThat(service.post("/api/contests/c/entries/batch", List.of(), 202)
                        .path("accepted")
                        .asInt())
                .isEqualTo(1);
        assertThat(requests).hasSize(3);
        assertThat(identities).as("a token serves one request").doesNotHaveDuplicates();

        requests.clear();
        server.stop(0);
        ServiceClient alwaysBusy = serve(request -> new Answer(503, "application/problem+json", busy));
        assertThatThrownBy(() -> alwaysBusy.post("/api/contests/c/entries/batch", List.of(), 202))
                .isInstanceOf(LoadFailure.class)
                .hasMessageContaining("answered 503 (expected 202)");
        assertThat(requests).hasSize(ServiceClient.ATTEMPTS);
    }

    @Test
    void aServiceThatIsDownIsNotAskedAgain() {
        String unavailable = "{\"type\":\"urn:giaoban:problem:store-unavailable\",\"status\":503}";
        ServiceClient service = serve(request -> new Answer(503, "application/problem+json", unavailable));

        assertThatThrownBy(() -> service.post("/api/documents", ServiceClient.object(), 201))
                .isInstanceOf(LoadFailure.class)
                .hasMessageContaining("answered 503 (expected 201)");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aClassListWithARefusedRowStopsTheLoad() {
        String refused = "{\"accepted\":1,\"duplicates\":0,\"rejected\":[{\"index\":1,\"learnerId\":\"001090000002\","
                + "\"code\":\"class-full\",\"reason\":\"the class is full\"}]}";
        ServiceClient service = serve(request -> request.startsWith("POST /api/classes ")
                ? new Answer(201, "application/json", "{\"id\":\"c1\"}")
                : new Answer(200, "application/json", refused));
        DatasetPlan dataset = new DatasetPlan(
                1,
                List.of(),
                List.of(),
                List.of(trainingClass("L0001", List.of(HA, NAM), EnrolmentMode.JSON, List.of(), null)),
                List.of(),
                null,
                List.of());

        assertThatThrownBy(() -> new DatasetLoader(service, service, 2, new PrintStream(new ByteArrayOutputStream()))
                        .load(dataset))
                .isInstanceOf(LoadFailure.class)
                .hasMessageContaining("enrolled 1 of 2 learners")
                .hasMessageContaining("class-full");
    }

    @Test
    void everyRequestSpeaksForTheReferenceDataAsAnAdministratorSignedWithTheSuitesSecret() {
        ServiceClient service = serve(request -> new Answer(200, "application/json", "[]"));

        service.get("/api/units");
        service.post("/api/tasks", Map.of("title", "x"), 200);

        IdentityTokens verifier = new IdentityTokens(IdentitySecret.resolve(null, dataDir), Clock.systemUTC());
        assertThat(identities)
                .hasSize(2)
                .allSatisfy(token -> assertThat(verifier.verify(token))
                        .isEqualTo(Caller.of("reference-data", List.of(Role.ADMIN), "HN")));
        assertThat(identities.get(0)).isNotEqualTo(identities.get(1));
    }

    @Test
    void aServiceThatCannotBeReachedStopsTheLoad() {
        try (ClosedPort closed = ClosedPort.hold()) {
            ServiceClient service =
                    new ServiceClient("tasks-service", closed.url(), ServiceClient.newHttpClient(), operator());

            assertThatThrownBy(() -> service.get("/api/units"))
                    .isInstanceOf(LoadFailure.class)
                    .hasMessageContaining("tasks-service cannot be reached");
        }
    }

    @Test
    void aClassListIsWrittenAsCsvWithItsHeaderAndQuotesWhereNeeded() {
        String csv = DatasetLoader.csvOf(List.of(HA, new Learner("001090000002", "Trần, Văn \"Nam\"", "HN")));

        assertThat(csv)
                .isEqualTo("learnerId,fullName,unitId\r\n001190000001,Nguyễn Thị Hà,HN-HOANKIEM\r\n"
                        + "001090000002,\"Trần, Văn \"\"Nam\"\"\",HN\r\n");
    }

    @Test
    void optionsHaveDefaultsAndRefuseWhatIsNotAnOption() {
        assertThat(ReferenceDataset.options(new String[0]))
                .containsEntry("tasks-url", "http://127.0.0.1:8081")
                .containsEntry("training-url", "http://127.0.0.1:8082")
                .containsEntry("contest-entries", "1000000")
                .containsEntry("concurrency", "4")
                .containsEntry("seed", "20220908")
                .doesNotContainKey("reporting-url");
        assertThat(ReferenceDataset.options(new String[] {"--reporting-url", "http://127.0.0.1:8083"}))
                .containsEntry("reporting-url", "http://127.0.0.1:8083");
        assertThat(ReferenceDataset.options(new String[] {"--contest-entries", "0", "--concurrency=2"}))
                .containsEntry("contest-entries", "0")
                .containsEntry("concurrency", "2");
        assertThatThrownBy(() -> ReferenceDataset.options(new String[] {"--entries", "5"}))
                .hasMessageContaining("Unknown option --entries");
        assertThatThrownBy(() -> ReferenceDataset.options(new String[] {"--concurrency", "0"}))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ReferenceDataset.options(new String[] {"--seed"}))
                .hasMessageContaining("needs a value");
    }

    private static PlannedClass trainingClass(
            String key, List<Learner> learners, EnrolmentMode mode, List<String> withdrawals, String cancellation) {
        return new PlannedClass(
                key,
                "Lớp " + key,
                "HN-HOANKIEM",
                Bloc.PARTY,
                ClassFormat.IN_PERSON,
                LocalDate.of(2022, 3, 1),
                LocalDate.of(2022, 3, 3),
                null,
                learners,
                mode,
                withdrawals,
                cancellation);
    }

    /** What the stand-in answers: a status, a content type and a body. */
    record Answer(int status, String contentType, String body) {}

    /** Answers as the services do: a new id for what is created, every row or entry of a list accepted. */
    private Answer answerLikeTheServices(String request) {
        String[] parts = request.split(" ", 3);
        String path = parts[1];
        String body = parts[2];
        if (parts[0].equals("DELETE")) {
            return new Answer(204, "application/json", "");
        }
        if (parts[0].equals("PUT")) {
            return new Answer(200, "application/json", "{}");
        }
        if (path.endsWith("/enrolments/batch")) {
            long rows = body.lines().count() - 1;
            return new Answer(200, "application/json", "{\"accepted\":" + rows + ",\"duplicates\":0,\"rejected\":[]}");
        }
        if (path.endsWith("/entries/batch")) {
            JsonNode entries = read(body.substring(body.indexOf('{'))).path("entries");
            return new Answer(202, "application/json", "{\"accepted\":" + entries.size() + ",\"rejected\":[]}");
        }
        if (path.matches("/api/(tasks|documents|classes|contests)")) {
            return new Answer(201, "application/json", "{\"id\":\"" + ids.incrementAndGet() + "\"}");
        }
        if (path.endsWith("/enrolments")) {
            return new Answer(201, "application/json", "{}");
        }
        return new Answer(200, "application/json", "{}");
    }

    private static JsonNode read(String json) {
        try {
            return ServiceClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the stand-in on a free local port. Each request is noted as "METHOD path content-type body" and answered
     * from "METHOD path body".
     */
    private ServiceClient serve(Function<String, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> respond(exchange, answers));
        server.start();
        return new ServiceClient(
                "stand-in",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                ServiceClient.newHttpClient(),
                operator());
    }

    private Operator operator() {
        return Operator.named("reference-data", dataDir);
    }

    private void respond(HttpExchange exchange, Function<String, Answer> answers) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path + " " + (contentType == null ? "-" : contentType) + " " + body);
        identities.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Giaoban-Identity")));
        Answer answer = answers.apply(method + " " + path + " " + body);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        if (answer.status() == 503) {
            exchange.getResponseHeaders().set("Retry-After", "0");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
