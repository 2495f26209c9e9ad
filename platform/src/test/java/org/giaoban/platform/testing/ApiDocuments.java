package org.giaoban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service's OpenAPI document as a test reads it: served at {@code /v3/api-docs}, written to
 * {@code target/openapi/<service>.json}, and compared with the copy checked in under {@code docs/api/}, so that a
 * change of the contract is a change of that file, seen in review, and the generated client follows it.
 */
public final class ApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_DIFFERENCES = 20;

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

    /**
     * Fails unless {@code docs/api/<service>.json} holds the same document, naming the first places where they differ
     * (as JSON pointers) and the file to copy.
     */
    public static void assertCheckedIn(JsonNode document, String service) throws IOException {
        Path checkedIn = repositoryRoot().resolve(Path.of("docs", "api", service + ".json"));
        assertThat(checkedIn)
                .as("the checked-in contract; create it with: cp %s %s", written(service), checkedIn)
                .exists();
        List<String> differences = new ArrayList<>();
        differences(JSON.readTree(checkedIn.toFile()), document, "", differences);
        assertThat(differences)
                .as(
                        "where %s differs from what the service serves; if the change of the contract is meant,"
                                + " cp %s %s",
                        checkedIn, written(service), checkedIn)
                .isEmpty();
    }

    private static void differences(JsonNode checkedIn, JsonNode served, String at, List<String> differences) {
        if (differences.size() >= SHOWN_DIFFERENCES || checkedIn.equals(served)) {
            return;
        }
        if (checkedIn.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>();
            checkedIn.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(
                        checkedIn.path(name),
                        served.path(name),
                        at + "/" + name.replace("~", "~0").replace("/", "~1"),
                        differences);
            }
        } else if (checkedIn.isArray() && served.isArray() && checkedIn.size() == served.size()) {
            for (int i = 0; i < checkedIn.size(); i++) {
                differences(checkedIn.get(i), served.get(i), at + "/" + i, differences);
            }
        } else {
            differences.add(at + ": checked in " + shown(checkedIn) + ", served " + shown(served));
        }
    }

    private static String shown(JsonNode value) {
        String text = value.isMissingNode() ? "nothing" : value.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
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
