package org.giaoban.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.giaoban.identity.Caller;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.identity.Role;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.platform.web.GatewayWait;
import org.giaoban.reporting.briefing.query.RecordedAtFolds;
import org.giaoban.reporting.briefing.query.TaskFactsProjection;
import org.giaoban.reporting.briefing.query.TrainingFactsProjection;
import org.giaoban.reporting.projection.ProcessorPositions;
import org.giaoban.reporting.source.EventSources;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * reporting-service over event stores written as the services write them ({@link EdgeCaseHistory}): every figure of
 * the counting rules, the report as recorded at the meeting, redelivery, a restart behind the read model, and a
 * rebuild that keeps answering. Subclasses say where the event stores are.
 */
abstract class BriefingReportContract {

    private static final Caller AUDITOR = Caller.of("kiemtra", List.of(Role.AUDITOR), "HN");

    static final String NINE_MONTHS = "from=2022-01-01&to=2022-09-08";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    EventStoreWriter tasks;
    EventStoreWriter training;

    /** JDBC URLs of the two event stores, and the account reporting-service reads them with. */
    abstract String tasksUrl();

    abstract String trainingUrl();

    abstract String user();

    String password() {
        return "";
    }

    /** More arguments for reporting-service, such as a MongoDB of its own. */
    List<String> moreArguments() {
        return List.of();
    }

    @BeforeEach
    void openEventStores() {
        tasks = new EventStoreWriter(tasksUrl(), user(), password());
        training = new EventStoreWriter(trainingUrl(), user(), password());
    }

    @AfterEach
    void closeEventStores() {
        tasks.close();
        training.close();
    }

    @Test
    void everyFigureFollowsTheCountingRules() throws Exception {
        writeHistory();
        try (ConfigurableApplicationContext reporting = start()) {
            awaitCaughtUp(reporting);
            JsonNode report = get(reporting, "/api/reports/briefing?" + NINE_MONTHS);

            assertThat(report.path("unitId").asText()).isEqualTo("HN");
            JsonNode tasks = report.path("tasks");
            assertThat(figures(tasks, "due", "completed", "open", "overdue")).containsExactly(6L, 3L, 3L, 2L);
            assertThat(tasks.path("completionRate").asDouble()).isEqualTo(0.5);
            assertThat(unitRows(tasks.path("byUnit"), "due", "completed", "overdue"))
                    .containsExactly("HN 1 1 0", "HN-HOANKIEM 1 1 0", "HN-LONGBIEN 2 0 1", "HN-QUOCOAI 2 1 1");

            JsonNode documents = report.path("documents");
            assertThat(documents.path("issued").asLong()).isEqualTo(3);
            assertThat(figures(documents.path("byKind"), "PLAN", "DIRECTIVE", "REPORT"))
                    .containsExactly(2L, 1L, 0L);

            JsonNode training = report.path("training");
            assertThat(figures(training, "classes", "learnerTurns")).containsExactly(4L, 9L);
            assertThat(figures(training.path("byBloc").path("PARTY"), "classes", "learnerTurns"))
                    .containsExactly(2L, 4L);
            assertThat(figures(training.path("byBloc").path("STATE"), "classes", "learnerTurns"))
                    .containsExactly(2L, 5L);
            assertThat(figures(training.path("byBloc").path("MASS_ORGANISATIONS"), "classes", "learnerTurns"))
                    .containsExactly(0L, 0L);
            assertThat(figures(training.path("byFormat").path("IN_PERSON"), "classes", "learnerTurns"))
                    .containsExactly(2L, 5L);
            assertThat(figures(training.path("byFormat").path("ONLINE"), "classes", "learnerTurns"))
                    .containsExactly(2L, 4L);
            assertThat(unitRows(training.path("byUnit"), "classes", "learnerTurns"))
                    .containsExactly("HN-HOANKIEM 2 4", "HN-LONGBIEN 1 2", "HN-DAIPTTH 1 3");

            JsonNode plan = report.path("trainingPlans").path(0);
            assertThat(report.path("trainingPlans")).hasSize(1);
            assertThat(plan.path("unitId").asText()).isEqualTo("HN-HOANKIEM");
            assertThat(plan.path("lines").path(0).path("label").asText()).isEqualTo("Khối Đảng và đoàn thể");
            assertThat(figures(plan.path("lines").path(0), "planned", "actual")).containsExactly(66L, 1L);
            assertThat(figures(plan.path("lines").path(1), "planned", "actual")).containsExactly(31L, 1L);

            JsonNode contest = report.path("contests").path(0);
            assertThat(contest.path("title").asText()).isEqualTo("Cuộc thi trực tuyến tìm hiểu Nghị quyết 15-NQ/TW");
            assertThat(figures(contest, "entries", "participants")).containsExactly(5L, 3L);

            assertThat(report.path("position").path("tasks").asLong()).isEqualTo(head(reporting, "tasks"));
            assertThat(report.path("position").path("training").asLong()).isEqualTo(head(reporting, "training"));

            JsonNode hoanKiem = get(reporting, "/api/reports/briefing?" + NINE_MONTHS + "&unitId=HN-HOANKIEM");
            assertThat(figures(hoanKiem.path("tasks"), "due", "completed")).containsExactly(1L, 1L);
            assertThat(hoanKiem.path("documents").path("issued").asLong()).isZero();
            assertThat(figures(hoanKiem.path("training"), "classes", "learnerTurns"))
                    .containsExactly(2L, 4L);
            assertThat(hoanKiem.path("contests").path(0).path("entries").asLong())
                    .isEqualTo(1);

            JsonNode firstOfJune = get(reporting, "/api/reports/briefing?from=2022-06-01&to=2022-06-01");
            assertThat(firstOfJune.path("contests").path(0).path("entries").asLong())
                    .isEqualTo(1);
            JsonNode lastOfAugust = get(reporting, "/api/reports/briefing?from=2022-08-31&to=2022-08-31");
            assertThat(lastOfAugust.path("contests").path(0).path("entries").asLong())
                    .isEqualTo(1);
            JsonNode nextYear = get(reporting, "/api/reports/briefing?from=2023-01-01&to=2023-12-31");
            assertThat(nextYear.path("contests")).isEmpty();
            assertThat(nextYear.path("training").path("classes").asLong()).isZero();
        }
    }

    @Test
    void aReportAsRecordedAtTheMeetingIgnoresLaterCorrections() throws Exception {
        writeHistory();
        EdgeCaseHistory.writeCorrections(tasks, training);
        try (ConfigurableApplicationContext reporting = start()) {
            awaitCaughtUp(reporting);
            JsonNode now = get(reporting, "/api/reports/briefing?" + NINE_MONTHS);
            assertThat(figures(now.path("tasks"), "due", "completed", "open", "overdue"))
                    .containsExactly(6L, 4L, 2L, 2L);
            assertThat(figures(now.path("training"), "classes", "learnerTurns")).containsExactly(3L, 5L);

            JsonNode atMeeting =
                    get(reporting, "/api/reports/briefing?" + NINE_MONTHS + "&recordedAt=" + EdgeCaseHistory.MEETING);
            assertThat(atMeeting.path("recordedAt").asText()).isEqualTo(EdgeCaseHistory.MEETING.toString());
            assertThat(figures(atMeeting.path("tasks"), "due", "completed", "open", "overdue"))
                    .containsExactly(6L, 3L, 3L, 2L);
            assertThat(figures(atMeeting.path("training"), "classes", "learnerTurns"))
                    .containsExactly(4L, 9L);
            assertThat(atMeeting.path("position").path("tasks").asLong())
                    .isLessThan(now.path("position").path("tasks").asLong());
            assertThat(atMeeting.path("position").path("training").asLong())
                    .isLessThan(now.path("position").path("training").asLong());

            JsonNode beforeAnything =
                    get(reporting, "/api/reports/briefing?" + NINE_MONTHS + "&recordedAt=2022-09-30T00:00:00Z");
            assertThat(figures(beforeAnything.path("tasks"), "due", "completed"))
                    .containsExactly(0L, 0L);
            assertThat(beforeAnything.path("contests")).isEmpty();
            assertThat(beforeAnything.path("position").path("tasks").isNull()).isTrue();
        }
    }

    @Test
    void aReportAsRecordedAtWhileAnotherIsComputedIsRefusedQuicklyAndLiveReportsGoOn() throws Exception {
        writeHistory();
        try (ConfigurableApplicationContext reporting = start("--giaoban.reports.recorded-at.wait=200ms")) {
            awaitCaughtUp(reporting);
            String asRecorded = "/api/reports/briefing?" + NINE_MONTHS + "&recordedAt=" + EdgeCaseHistory.MEETING;

            try (RecordedAtFolds.Fold another =
                    reporting.getBean(RecordedAtFolds.class).enter()) {
                long start = System.nanoTime();
                HttpResponse<String> refused = send(reporting, asRecorded);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertBusy(refused);
                assertThat(refused.body()).contains("Another report as recorded at an instant is being computed");
                assertThat(took).isLessThan(Duration.ofSeconds(5));
                assertThat(send(reporting, "/api/reports/briefing?" + NINE_MONTHS)
                                .statusCode())
                        .isEqualTo(200);
            }
            // The gateway says how long it waits: a fold it would have given up on is not computed for nobody.
            HttpResponse<String> abandoned = sendWithGatewayWait(reporting, asRecorded, "0");
            assertBusy(abandoned);
            assertThat(abandoned.body()).contains("took longer than its time limit of 0 ms");
            assertThat(send(reporting, asRecorded).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aReportAsRecordedAtThatRunsPastItsTimeLimitIsStoppedAndFreesItsPlace() throws Exception {
        writeHistory();
        try (ConfigurableApplicationContext reporting = start("--giaoban.reports.recorded-at.time-limit=0s")) {
            awaitCaughtUp(reporting);
            String asRecorded = "/api/reports/briefing?" + NINE_MONTHS + "&recordedAt=" + EdgeCaseHistory.MEETING;

            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<String> stopped = send(reporting, asRecorded);
                assertBusy(stopped);
                assertThat(stopped.body()).contains("took longer than its time limit of 0 ms");
            }
            HttpResponse<String> patientCaller = sendWithGatewayWait(reporting, asRecorded, "60000");
            assertBusy(patientCaller);
            assertThat(patientCaller.body())
                    .as("a caller that waits longer does not lengthen the service's own limit")
                    .contains("took longer than its time limit of 0 ms");
            assertThat(send(reporting, "/api/reports/briefing?" + NINE_MONTHS).statusCode())
                    .isEqualTo(200);
        }
    }

    private void assertBusy(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("urn:giaoban:problem:busy");
    }

    /** A request as the gateway sends it, saying how many milliseconds it waits for the answer. */
    private HttpResponse<String> sendWithGatewayWait(
            ConfigurableApplicationContext reporting, String path, String milliseconds) throws Exception {
        return http.send(
                requestTo(reporting, path, TestCallers.ADMIN)
                        .header(GatewayWait.HEADER, milliseconds)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(ConfigurableApplicationContext reporting, String path) throws Exception {
        return http.send(requestTo(reporting, path, TestCallers.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRedeliveredHistoryChangesNoFigure() throws Exception {
        writeHistory();
        try (ConfigurableApplicationContext reporting = start()) {
            awaitCaughtUp(reporting);
            JsonNode before = get(reporting, "/api/reports/briefing?" + NINE_MONTHS);
            EventProcessingConfiguration processing = reporting.getBean(EventProcessingConfiguration.class);
            for (String name : List.of(TaskFactsProjection.NAME, TrainingFactsProjection.NAME)) {
                StreamingEventProcessor processor = processing
                        .eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow();
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
            awaitCaughtUp(reporting);
            assertThat(get(reporting, "/api/reports/briefing?" + NINE_MONTHS)).isEqualTo(before);
        }
    }

    @Test
    void aRestartWithTheReadModelAheadOfItsTokenConvergesToTheExactFigures() throws Exception {
        writeHistory();
        try (ConfigurableApplicationContext reporting = start()) {
            awaitCaughtUp(reporting);
            // As after a crash between writing facts and storing the token: the token is far behind the facts.
            EventProcessingConfiguration processing = reporting.getBean(EventProcessingConfiguration.class);
            TokenStore tokens = reporting.getBean(TokenStore.class);
            for (String name : List.of(TaskFactsProjection.NAME, TrainingFactsProjection.NAME)) {
                processing
                        .eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow()
                        .shutDown();
                tokens.fetchToken(name, 0);
                tokens.storeToken(GapAwareTrackingToken.newInstance(3, Set.of()), name, 0);
                tokens.releaseClaim(name, 0);
            }
        }
        EdgeCaseHistory.writeCorrections(tasks, training);
        try (ConfigurableApplicationContext reporting = start()) {
            awaitCaughtUp(reporting);
            JsonNode report = get(reporting, "/api/reports/briefing?" + NINE_MONTHS);
            assertThat(figures(report.path("tasks"), "due", "completed", "open", "overdue"))
                    .containsExactly(6L, 4L, 2L, 2L);
            assertThat(figures(report.path("training"), "classes", "learnerTurns"))
                    .containsExactly(3L, 5L);
            assertThat(figures(report.path("contests").path(0), "entries", "participants"))
                    .containsExactly(5L, 3L);
        }
    }

    @Test
    void aRebuildKeepsAnsweringFromTheOldReadModelAndSwitchesWhenCaughtUp() throws Exception {
        writeHistory();
        writeEntriesOutsideThePeriod(40, 5_000);
        try (ConfigurableApplicationContext reporting = start()) {
            awaitCaughtUp(reporting);
            JsonNode before = get(reporting, "/api/reports/briefing?" + NINE_MONTHS);

            HttpResponse<String> accepted = post(reporting, "/api/admin/projections/briefing-training/rebuild");
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(json.readTree(accepted.body()).path("status").asText()).isEqualTo("REBUILDING");
            HttpResponse<String> again = post(reporting, "/api/admin/projections/briefing-training/rebuild");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            List<JsonNode> answeredWhileRebuilding = new ArrayList<>();
            JsonNode status = get(reporting, "/api/admin/projections/briefing-training");
            while (status.path("status").asText().equals("REBUILDING")) {
                answeredWhileRebuilding.add(get(reporting, "/api/reports/briefing?" + NINE_MONTHS));
                status = get(reporting, "/api/admin/projections/briefing-training");
            }
            assertThat(answeredWhileRebuilding)
                    .isNotEmpty()
                    .allSatisfy(answer -> assertThat(answer).isEqualTo(before));
            assertThat(status.path("generation").asInt()).isEqualTo(2);
            assertThat(status.path("lastRebuild").path("failure").isNull()).isTrue();
            assertThat(status.path("lastRebuild").path("events").asLong()).isEqualTo(head(reporting, "training"));
            assertThat(get(reporting, "/api/reports/briefing?" + NINE_MONTHS)).isEqualTo(before);

            EdgeCaseHistory.writeCorrections(tasks, training);
            awaitCaughtUp(reporting);
            JsonNode after = get(reporting, "/api/reports/briefing?" + NINE_MONTHS);
            assertThat(figures(after.path("training"), "classes", "learnerTurns"))
                    .containsExactly(3L, 5L);
        }
    }

    @Test
    void aReadModelThatDoesNotExistCannotBeRebuiltOrShown() throws Exception {
        try (ConfigurableApplicationContext reporting = start()) {
            HttpResponse<String> rebuild = post(reporting, "/api/admin/projections/briefing-atlantis/rebuild");
            assertThat(rebuild.statusCode()).isEqualTo(404);
            assertThat(rebuild.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<String> status = http.send(
                    requestTo(reporting, "/api/admin/projections/briefing-atlantis", TestCallers.ADMIN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(404);
            assertThat(get(reporting, "/api/admin/projections"))
                    .extracting(readModel -> readModel.path("name").asText())
                    .containsExactly("briefing-tasks", "briefing-training");
        }
    }

    @Test
    void theBriefingIsReadByEverySignedInRoleButOperationsAreForAdministratorsAndNothingWithoutTheGateway()
            throws Exception {
        try (ConfigurableApplicationContext reporting = start()) {
            String briefing = "/api/reports/briefing?from=2022-01-01&to=2022-12-31&unitId=HN";
            for (Caller reader : List.of(TestCallers.viewer(), TestCallers.officerOf("HN-HOANKIEM"), AUDITOR)) {
                assertThat(send(requestTo(reporting, briefing, reader)).statusCode())
                        .as(reader.name())
                        .isEqualTo(200);
            }
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(baseUrl(reporting) + briefing)));
            HttpResponse<String> viewerRebuilds =
                    send(requestTo(reporting, "/api/admin/projections/briefing-tasks/rebuild", TestCallers.viewer())
                            .POST(HttpRequest.BodyPublishers.noBody()));
            HttpResponse<String> auditorReadsOperations = send(requestTo(reporting, "/api/admin/projections", AUDITOR));

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(viewerRebuilds.statusCode()).isEqualTo(403);
            assertThat(auditorReadsOperations.statusCode()).isEqualTo(403);
            assertThat(get(reporting, "/api/admin/projections"))
                    .allSatisfy(readModel ->
                            assertThat(readModel.path("status").asText()).isEqualTo("LIVE"));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void writeHistory() {
        EdgeCaseHistory.writeTasks(tasks);
        EdgeCaseHistory.writeDocuments(tasks);
        EdgeCaseHistory.writeTraining(training);
        EdgeCaseHistory.writeContest(training);
    }

    /** Enough history that a rebuild takes a while: entries of 2023, which no 2022 report counts. */
    private void writeEntriesOutsideThePeriod(int batches, int entriesPerBatch) {
        Instant day = Instant.parse("2023-03-01T03:00:00Z");
        for (int batch = 0; batch < batches; batch++) {
            int first = batch * entriesPerBatch;
            List<ContestEntry> entries = IntStream.range(first, first + entriesPerBatch)
                    .mapToObj(number -> new ContestEntry("q" + number, "HN-BAVI", day, 50))
                    .toList();
            training.publish(
                    new ContestEntriesSubmittedEvent(EdgeCaseHistory.CONTEST, entries, entriesPerBatch),
                    EdgeCaseHistory.RECORDED);
        }
    }

    ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--giaoban.data-dir=" + dataDir,
                "--" + TestCallers.SECRET_PROPERTY,
                "--giaoban.sources.tasks.url=" + tasksUrl(),
                "--giaoban.sources.tasks.username=" + user(),
                "--giaoban.sources.tasks.password=" + password(),
                "--giaoban.sources.training.url=" + trainingUrl(),
                "--giaoban.sources.training.username=" + user(),
                "--giaoban.sources.training.password=" + password()));
        arguments.addAll(moreArguments());
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(ReportingApplication.class).run(arguments.toArray(String[]::new));
    }

    private static long head(ConfigurableApplicationContext reporting, String service) {
        return reporting.getBean(EventSources.class).find(service).orElseThrow().head();
    }

    private static void awaitCaughtUp(ConfigurableApplicationContext reporting) {
        ProcessorPositions positions = reporting.getBean(ProcessorPositions.class);
        long tasksHead = head(reporting, "tasks");
        long trainingHead = head(reporting, "training");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> positions.positionOf(TaskFactsProjection.NAME).orElse(-1) == tasksHead
                        && positions.positionOf(TrainingFactsProjection.NAME).orElse(-1) == trainingHead);
    }

    private static List<Long> figures(JsonNode node, String... fields) {
        List<Long> values = new ArrayList<>();
        for (String field : fields) {
            assertThat(node.has(field)).as("field %s of %s", field, node).isTrue();
            values.add(node.path(field).asLong());
        }
        return values;
    }

    private static List<String> unitRows(JsonNode rows, String... fields) {
        List<String> lines = new ArrayList<>();
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder(row.path("unitId").asText());
            for (String field : fields) {
                line.append(' ').append(row.path(field).asLong());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private JsonNode get(ConfigurableApplicationContext reporting, String path) throws Exception {
        HttpResponse<String> response =
                http.send(requestTo(reporting, path, TestCallers.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext reporting, String path) throws Exception {
        return http.send(
                requestTo(reporting, path, TestCallers.ADMIN)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request as the gateway sends it, speaking for the caller. */
    private static HttpRequest.Builder requestTo(ConfigurableApplicationContext reporting, String path, Caller caller) {
        return HttpRequest.newBuilder(URI.create(baseUrl(reporting) + path))
                .header(IdentityHeader.NAME, TestCallers.tokenFor(caller));
    }

    private static String baseUrl(ConfigurableApplicationContext reporting) {
        return "http://127.0.0.1:"
                + ((ServletWebServerApplicationContext) reporting)
                        .getWebServer()
                        .getPort();
    }
}
