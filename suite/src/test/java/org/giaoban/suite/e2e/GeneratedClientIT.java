package org.giaoban.suite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.giaoban.suite.client.gateway.api.CallerApi;
import org.giaoban.suite.client.gateway.model.Me;
import org.giaoban.suite.client.tasks.ApiClient;
import org.giaoban.suite.client.tasks.ApiException;
import org.giaoban.suite.client.tasks.api.WorkItemsApi;
import org.giaoban.suite.client.tasks.model.CancelTask;
import org.giaoban.suite.client.tasks.model.PlanTask;
import org.giaoban.suite.client.tasks.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The suite called through the clients generated from the OpenAPI documents under {@code docs/api}, as a front-end
 * built from them would call it: signed in at the gateway, with the types, names and refusals the documents give. A
 * change of the contract that such a front-end would trip over fails to compile here, or fails here.
 */
@ExtendWith(SharedSuite.class)
class GeneratedClientIT {

    static final Duration READ_MODEL_CATCH_UP = Duration.ofSeconds(15);

    static RunningSuite suite;

    @BeforeAll
    static void joinTheSuite(RunningSuite running) {
        suite = running;
    }

    /** What Swagger UI at the gateway loads (springdoc.swagger-ui.urls) is what the clients were generated from. */
    @ParameterizedTest
    @CsvSource({
        "/v3/api-docs/tasks, tasks",
        "/v3/api-docs/training, training",
        "/v3/api-docs/reporting, reporting",
        "/v3/api-docs, gateway"
    })
    void swaggerUiReadsTheCheckedInDocumentsThroughTheGateway(String url, String document) throws Exception {
        Answer served = suite.anonymous().get(url);

        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        assertThat(served.json())
                .as("%s as the gateway serves it, against docs/api/%s.json", url, document)
                .isEqualTo(new ObjectMapper()
                        .readTree(
                                Path.of("..", "docs", "api", document + ".json").toFile()));
    }

    @Test
    void theCallerIsWhomTheGatewaySignedIn() throws Exception {
        org.giaoban.suite.client.gateway.ApiClient client = new org.giaoban.suite.client.gateway.ApiClient();
        client.updateBaseUri(suite.gateway().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", suite.authorization("hoankiem")));

        Me me = new CallerApi(client).me();

        assertThat(me.getName()).isEqualTo("hoankiem");
        assertThat(me.getRoles()).containsExactly(Me.RolesEnum.OFFICER);
        assertThat(me.getUnitId()).isEqualTo("HN-HOANKIEM");
    }

    @Test
    void anOfficerPlansAWorkItemAndReadsItBackThroughTheTypedClient() throws Exception {
        WorkItemsApi workItems = new WorkItemsApi(signedIn("longbien"));
        String title = "Quán triệt Nghị quyết Đại hội XIII " + UUID.randomUUID();

        UUID taskId = workItems
                .planTask(
                        new PlanTask()
                                .programme("2022")
                                .title(title)
                                .unitId("HN-LONGBIEN")
                                .dueOn(LocalDate.of(2022, 6, 30)),
                        null)
                .getId();
        Task task = Polling.until(READ_MODEL_CATCH_UP, () -> readOrNull(workItems, taskId), found -> found != null);

        assertThat(task).as("the work item, once the read model has it").isNotNull();
        assertThat(task.getId()).isEqualTo(taskId);
        assertThat(task.getTitle()).isEqualTo(title);
        assertThat(task.getUnitId()).isEqualTo("HN-LONGBIEN");
        assertThat(task.getDueOn()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(task.getStatus()).isEqualTo(Task.StatusEnum.OPEN);
    }

    @Test
    void aRefusalArrivesAsTheDocumentedProblem() throws Exception {
        WorkItemsApi workItems = new WorkItemsApi(signedIn("viewer"));

        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> workItems.cancelTask(
                        UUID.randomUUID(), new CancelTask().reason("Không còn phù hợp"), null, null));

        assertThat(refused.getCode()).isEqualTo(403);
        JsonNode problem = new ObjectMapper().readTree(refused.getResponseBody());
        assertThat(problem.path("type").asText()).isEqualTo("urn:giaoban:problem:forbidden");
    }

    /** The work item, or null while the read model has not yet caught up with its planning. */
    private static Task readOrNull(WorkItemsApi workItems, UUID taskId) {
        try {
            return workItems.findTask(taskId);
        } catch (ApiException notYet) {
            if (notYet.getCode() == 404) {
                return null;
            }
            throw new IllegalStateException(notYet);
        }
    }

    private static ApiClient signedIn(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.gateway().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", suite.authorization(user)));
        return client;
    }
}
