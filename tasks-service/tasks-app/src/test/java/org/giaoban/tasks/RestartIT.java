package org.giaoban.tasks;

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
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.giaoban.identity.IdentityHeader;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.tasks.document.query.DocumentListProjection;
import org.giaoban.tasks.task.query.TaskListProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stops tasks-service and starts it again on the same embedded files: everything recorded is still there, the read
 * models pick up where they stopped (no event applied twice, none lost) and new writes carry on.
 */
class RestartIT {

    private static final List<String> PROCESSORS =
            List.of(TaskListProjection.PROCESSING_GROUP, DocumentListProjection.PROCESSING_GROUP);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameFilesLosesNothingAndCountsNothingTwice() throws Exception {
        JsonNode tasksBefore;
        JsonNode documentsBefore;
        long eventsBefore;
        try (ConfigurableApplicationContext service = start()) {
            String base = baseUrl(service);
            for (int i = 1; i <= 5; i++) {
                JsonNode created = post(
                        base + "/api/tasks",
                        Map.of(
                                "programme",
                                "2022",
                                "title",
                                "Đầu việc " + i,
                                "unitId",
                                "HN-HOANKIEM",
                                "dueOn",
                                "2022-0" + i + "-15"));
                if (i % 2 == 0) {
                    post(
                            base + "/api/tasks/" + created.path("id").asText() + "/complete",
                            Map.of("completedOn", "2022-0" + i + "-10"));
                }
            }
            post(
                    base + "/api/documents",
                    Map.of(
                            "number",
                            "01-KH/BTGQU",
                            "title",
                            "Kế hoạch năm",
                            "kind",
                            "PLAN",
                            "unitId",
                            "HN-HOANKIEM",
                            "issuedOn",
                            "2022-01-05"));
            eventsBefore = awaitProcessorsCaughtUp(service);
            tasksBefore = get(base + "/api/tasks?unitId=HN-HOANKIEM");
            documentsBefore = get(base + "/api/documents?unitId=HN-HOANKIEM");
        }
        assertThat(tasksBefore.path("total").asLong()).isEqualTo(5);

        try (ConfigurableApplicationContext service = start()) {
            String base = baseUrl(service);
            assertThat(awaitProcessorsCaughtUp(service)).isEqualTo(eventsBefore);
            assertThat(get(base + "/api/tasks?unitId=HN-HOANKIEM")).isEqualTo(tasksBefore);
            assertThat(get(base + "/api/documents?unitId=HN-HOANKIEM")).isEqualTo(documentsBefore);

            JsonNode again = post(
                    base + "/api/documents",
                    Map.of(
                            "number",
                            "01-KH/BTGQU",
                            "title",
                            "Bản trùng số",
                            "kind",
                            "PLAN",
                            "unitId",
                            "HN-HOANKIEM",
                            "issuedOn",
                            "2022-01-06"));
            assertThat(again.path("status").asInt()).isEqualTo(409);

            post(
                    base + "/api/tasks",
                    Map.of("programme", "2022", "title", "Đầu việc 6", "unitId", "HN-HOANKIEM", "dueOn", "2022-06-15"));
            awaitProcessorsCaughtUp(service);
            assertThat(get(base + "/api/tasks?unitId=HN-HOANKIEM").path("total").asLong())
                    .isEqualTo(6);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TasksApplication.class)
                .run("--server.port=0", "--giaoban.data-dir=" + dataDir, "--" + TestCallers.SECRET_PROPERTY);
    }

    /** Waits until every processor has applied the last event in the store; answers how many events it holds. */
    private static long awaitProcessorsCaughtUp(ConfigurableApplicationContext service) {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        for (String name : PROCESSORS) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(15)).until(() -> TasksServiceContract.hasReached(processor, head));
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static String baseUrl(ConfigurableApplicationContext service) {
        int port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(
                asAdministrator(HttpRequest.newBuilder(URI.create(url))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(String url, Map<String, ?> body) throws Exception {
        HttpRequest request = asAdministrator(HttpRequest.newBuilder(URI.create(url)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(200, 201, 409);
        return json.readTree(response.body());
    }

    private static HttpRequest.Builder asAdministrator(HttpRequest.Builder request) {
        return request.header(IdentityHeader.NAME, TestCallers.tokenFor(TestCallers.ADMIN));
    }
}
