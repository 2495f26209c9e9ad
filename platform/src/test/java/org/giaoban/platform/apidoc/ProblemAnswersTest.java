package org.giaoban.platform.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class ProblemAnswersTest {

    @Test
    void aReadEveryRoleMayMakeIsRefusedOnlyBySignInRateAndOutages() {
        Operation list = new Operation();

        ProblemAnswers.addShared("/api/units", "GET", list);

        assertThat(list.getResponses()).containsOnlyKeys("401", "429", "503");
        assertThat(typesOf(list.getResponses().get("503"))).containsExactly("service-unavailable", "store-unavailable");
        assertThat(list.getDescription()).isEqualTo("Who may call it: ADMIN, OFFICER, AUDITOR, VIEWER.");
    }

    @Test
    void anAuditReadIsForbiddenToTheRolesTheRoleRulesRefuse() {
        Operation verify = new Operation().description("Recomputes the stored rows.");

        ProblemAnswers.addShared("/api/audit/verify", "GET", verify);

        assertThat(typesOf(verify.getResponses().get("403"))).containsExactly("forbidden");
        assertThat(detailOf(verify.getResponses().get("403"), "forbidden"))
                .isEqualTo("Only an AUDITOR or an ADMIN may read /api/audit/verify.");
        assertThat(verify.getDescription())
                .isEqualTo("Recomputes the stored rows.\n\nWho may call it: ADMIN, AUDITOR.");
    }

    @Test
    void aChangeOfARecordCarriesEveryRefusalOfAWriteWithABodyAndIfMatch() {
        Operation complete = new Operation()
                .addParametersItem(new PathParameter().name("taskId"))
                .addParametersItem(new HeaderParameter().name("If-Match"))
                .requestBody(new RequestBody().content(new Content()));

        ProblemAnswers.addShared("/api/tasks/{taskId}/complete", "POST", complete);

        assertThat(complete.getResponses())
                .containsOnlyKeys("400", "401", "403", "409", "412", "413", "415", "429", "503");
        assertThat(typesOf(complete.getResponses().get("400"))).containsExactly("invalid-request", "malformed-request");
        assertThat(typesOf(complete.getResponses().get("403"))).containsExactly("forbidden", "unit-not-allowed");
        assertThat(typesOf(complete.getResponses().get("409")))
                .containsExactly("idempotency-key-conflict", "concurrent-change");
        assertThat(typesOf(complete.getResponses().get("412"))).containsExactly("stale-version");
        assertThat(typesOf(complete.getResponses().get("503")))
                .containsExactly("service-unavailable", "store-unavailable", "busy");
        assertThat(complete.getParameters()).extracting(Parameter::getName).contains("Idempotency-Key");
        assertThat(complete.getResponses().get("409").getDescription())
                .isEqualTo("Refused by a rule of the domain: `urn:giaoban:problem:idempotency-key-conflict`,"
                        + " `urn:giaoban:problem:concurrent-change`");
    }

    @Test
    void aDeclaredRefusalJoinsTheSharedOnesOfItsStatus() throws NoSuchMethodException {
        Operation cancel = new Operation().addParametersItem(new PathParameter().name("taskId"));

        ProblemAnswers.addDeclared(
                cancel, new HandlerMethod(new Declaring(), Declaring.class.getDeclaredMethod("cancel")));
        ProblemAnswers.addShared("/api/tasks/{taskId}/cancel", "POST", cancel);

        assertThat(typesOf(cancel.getResponses().get("404"))).containsExactly("not-found");
        assertThat(typesOf(cancel.getResponses().get("409")))
                .containsExactly("task-cancelled", "idempotency-key-conflict", "concurrent-change");
        Map<?, ?> example = exampleOf(cancel.getResponses().get("409"), "task-cancelled");
        assertThat(example.get("type")).isEqualTo("urn:giaoban:problem:task-cancelled");
        assertThat(example.get("title")).isEqualTo("Refused by a rule of the domain");
        assertThat(example.get("status")).isEqualTo(409);
    }

    static class Declaring {

        @ApiProblem(status = 404, type = "not-found", detail = "No work item has the id 6f1c2d3e")
        @ApiProblem(status = 409, type = "task-cancelled", detail = "The work item is cancelled.")
        void cancel() {}
    }

    private static Set<String> typesOf(ApiResponse response) {
        return response.getContent()
                .get(ProblemAnswers.PROBLEM_JSON)
                .getExamples()
                .keySet();
    }

    private static Map<?, ?> exampleOf(ApiResponse response, String type) {
        return (Map<?, ?>) response.getContent()
                .get(ProblemAnswers.PROBLEM_JSON)
                .getExamples()
                .get(type)
                .getValue();
    }

    private static Object detailOf(ApiResponse response, String type) {
        return exampleOf(response, type).get("detail");
    }
}
