package org.giaoban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenApiLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What springdoc makes of a controller nobody described. */
    private static final String UNDESCRIBED = """
            {"openapi": "3.1.0",
             "info": {"title": "OpenAPI definition", "version": "v0"},
             "servers": [{"url": "http://localhost:8081", "description": "Generated server url"}],
             "paths": {"/api/tasks/{taskId}/complete": {"post": {
                 "tags": ["task-controller"], "operationId": "complete",
                 "parameters": [
                     {"name": "taskId", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"name": "If-Match", "in": "header", "schema": {"type": "string"}}],
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Complete"}}}},
                 "responses": {
                     "200": {"description": "OK"},
                     "409": {"description": "Conflict", "content": {"application/json": {}}}}}}},
             "components": {"schemas": {"Complete": {"type": "object", "properties": {
                 "completedOn": {"type": "string", "format": "date"}}}}}}
            """;

    @Test
    void namesTheOperationAndEachThingItLacks() throws Exception {
        JsonNode document = JSON.readTree(UNDESCRIBED);

        assertThat(OpenApiLint.findings(document))
                .containsExactlyInAnyOrder(
                        "info: the title is springdoc's default 'OpenAPI definition'",
                        "info: the version is springdoc's default 'v0'",
                        "info: no description",
                        "components: no HTTP Basic security scheme",
                        "components: no bearer security scheme",
                        "security: the operations ask for no sign-in, so Swagger UI sends no credentials",
                        "POST /api/tasks/{taskId}/complete (complete): no summary",
                        "POST /api/tasks/{taskId}/complete (complete): no description",
                        "POST /api/tasks/{taskId}/complete (complete): the generated tag 'task-controller'",
                        "POST /api/tasks/{taskId}/complete (complete): the parameter 'taskId' has no description",
                        "POST /api/tasks/{taskId}/complete (complete): the parameter 'If-Match' has no description",
                        "POST /api/tasks/{taskId}/complete (complete): no 400 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 401 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 403 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 404 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 412 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 413 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 415 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 429 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): no 503 answer documented",
                        "POST /api/tasks/{taskId}/complete (complete): the 409 answer is not application/problem+json",
                        "tags: 'task-controller' has no description",
                        "schema Complete: no description",
                        "schema Complete: the field 'completedOn' has no description");
    }

    @Test
    void acceptsAProblemAnswerOnlyWithATypeOfItsOwnStatus() throws Exception {
        JsonNode document = JSON.readTree("""
                {"paths": {"/api/units": {"get": {"operationId": "listUnits", "responses": {
                    "404": {"description": "Not found", "content": {"application/problem+json": {"examples": {
                        "not-found": {"value": {"type": "urn:giaoban:problem:not-found", "status": 409}},
                        "blank": {"value": {"type": "about:blank", "status": 404}}}}}},
                    "503": {"description": "Unavailable", "content": {"application/problem+json": {}}}}}}}}
                """);

        assertThat(OpenApiLint.findings(document))
                .filteredOn(finding -> finding.contains("answer"))
                .containsExactlyInAnyOrder(
                        "GET /api/units (listUnits): no 401 answer documented",
                        "GET /api/units (listUnits): no 429 answer documented",
                        "GET /api/units (listUnits): the 404 answer shows a problem of another status or no type:"
                                + " {\"type\":\"urn:giaoban:problem:not-found\",\"status\":409}",
                        "GET /api/units (listUnits): the 404 answer shows a problem of another status or no type:"
                                + " {\"type\":\"about:blank\",\"status\":404}",
                        "GET /api/units (listUnits): the 503 answer shows no problem type");
    }

    @Test
    void anOperationMayListAStatusItCanNeverGive() throws Exception {
        JsonNode document = JSON.readTree(UNDESCRIBED);
        JsonNode operation =
                document.path("paths").path("/api/tasks/{taskId}/complete").path("post");

        assertThat(OpenApiLint.findings(document))
                .contains("POST /api/tasks/{taskId}/complete (complete): no 403 answer documented");
        ((com.fasterxml.jackson.databind.node.ObjectNode) operation)
                .putArray(OpenApiLint.NEVER_ANSWERS)
                .add("403");

        assertThat(OpenApiLint.findings(document))
                .noneMatch(finding -> finding.contains("no 403"))
                .anyMatch(finding -> finding.contains("no 404"));
    }
}
