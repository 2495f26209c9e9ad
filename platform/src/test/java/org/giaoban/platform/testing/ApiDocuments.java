package org.giaoban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service's OpenAPI document as a test reads it: served at {@code /v3/api-docs}, written to
 * {@code target/openapi/<service>.json}, and compared with the copy checked in under {@code docs/api/}, so that a
 * change of the contract is a change of that file, seen in review, and the generated client follows it.
 */
public final class ApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocuments() {}

    /** The document the service serves, also written to {@code target/openapi/<service>.json}. */
    public static JsonNode served(MockMvc mvc, String service) throws Exception {
        String body =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode document = JSON.readTree(body);
        Path written = Path.of("target", "openapi", service + ".json");
        Files.createDirectories(written.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), document);
        return document;
    }

    /** Fails unless {@code docs/api/<service>.json} holds the same document, and says how to update it. */
    public static void assertCheckedIn(JsonNode document, String service) throws IOException {
        Path checkedIn = repositoryRoot().resolve(Path.of("docs", "api", service + ".json"));
        assertThat(checkedIn)
                .as("the checked-in contract; create it with: cp %s %s", written(service), checkedIn)
                .exists();
        assertThat(JSON.readTree(checkedIn.toFile()))
                .as(
                        "%s differs from what the service serves; if the change of the contract is meant, cp %s %s"
                                + " and rebuild the client",
                        checkedIn, written(service), checkedIn)
                .isEqualTo(document);
    }

    private static Path written(String service) {
        return Path.of("target", "openapi", service + ".json").toAbsolutePath();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "Not inside the giaoban repository: " + Path.of("").toAbsolutePath());
    }
}
