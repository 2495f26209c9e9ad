package org.giaoban.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.giaoban.platform.testing.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAPI documents checked in under {@code docs/api}, which each module's tests compare with what it serves and
 * from which the suite's clients are generated: each one a front-end team can build from, and together every path and
 * method of API.md's contract.
 */
class ApiDocumentsTest {

    private static final Path DOCUMENTS = Path.of("..", "docs", "api");
    private static final List<String> DOCUMENT_NAMES = List.of("tasks", "training", "reporting", "gateway");

    /** The operations API.md names; documents may add to them, never drop one. */
    private static final List<String> CONTRACT = List.of(
            "GET /api/me",
            "GET /api/units",
            "POST /api/tasks",
            "GET /api/tasks",
            "GET /api/tasks/{taskId}",
            "POST /api/tasks/{taskId}/complete",
            "POST /api/tasks/{taskId}/reopen",
            "POST /api/tasks/{taskId}/reschedule",
            "POST /api/tasks/{taskId}/cancel",
            "POST /api/documents",
            "GET /api/documents",
            "POST /api/documents/{documentId}/revoke",
            "POST /api/classes",
            "GET /api/classes",
            "GET /api/classes/{classId}",
            "POST /api/classes/{classId}/cancel",
            "POST /api/classes/{classId}/enrolments",
            "POST /api/classes/{classId}/enrolments/batch",
            "DELETE /api/classes/{classId}/enrolments/{learnerId}",
            "PUT /api/training-plans/{unitId}/{year}",
            "GET /api/training-plans/{unitId}/{year}",
            "POST /api/contests",
            "POST /api/contests/{contestId}/entries",
            "POST /api/contests/{contestId}/entries/batch",
            "GET /api/contests/{contestId}",
            "GET /api/reports/briefing",
            "GET /api/audit/events",
            "GET /api/audit/tree-heads",
            "GET /api/audit/tree-heads/latest",
            "GET /api/audit/proofs/inclusion",
            "GET /api/audit/proofs/consistency",
            "GET /api/audit/keys",
            "GET /api/audit/verify",
            "GET /api/audit/records/{aggregateId}",
            "GET /api/admin/projections",
            "POST /api/admin/projections/{name}/rebuild");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "training", "reporting", "gateway"})
    void describesEveryOperationFieldAndRefusal(String name) throws IOException {
        assertThat(OpenApiLint.findings(document(name)))
                .as("what docs/api/%s.json lacks", name)
                .isEmpty();
    }

    @Test
    void togetherHoldEveryOperationOfTheContract() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String name : DOCUMENT_NAMES) {
            document(name)
                    .path("paths")
                    .properties()
                    .forEach(path -> path.getValue()
                            .fieldNames()
                            .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        }

        assertThat(documented).containsAll(CONTRACT);
    }

    private JsonNode document(String name) throws IOException {
        return json.readTree(DOCUMENTS.resolve(name + ".json").toFile());
    }
}
