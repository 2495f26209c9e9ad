package org.giaoban.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * What a front-end developer needs of an OpenAPI document, checked: a title, version and description; both ways to
 * sign in; every operation with a summary, a description and a tag of a resource (not springdoc's
 * {@code task-controller}); every parameter and every field described; and every problem+json answer the operation
 * can give by its shape documented with an example of its {@code type}: {@code 401}, {@code 429} and {@code 503}
 * always; {@code 400} with any input; {@code 413} and {@code 415} with a body; {@code 404} with an id in the path (but for a PUT, which creates what it does not find);
 * {@code 403} and {@code 409} for a write; {@code 412} with {@code If-Match}. An operation that by its nature cannot
 * give one of these (signing in meets no conflict) lists it in {@value #NEVER_ANSWERS}, and says why in its
 * description. Each finding names its operation.
 */
public final class OpenApiLint {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:giaoban:problem:";

    /** The extension of an operation listing the statuses its shape implies that it can never answer. */
    public static final String NEVER_ANSWERS = "x-giaoban-never-answers";

    private OpenApiLint() {}

    /** Every finding, one line each; none for a document a front-end team can build from. */
    public static List<String> findings(JsonNode document) {
        List<String> findings = new ArrayList<>();
        checkInfo(document.path("info"), findings);
        checkSignIn(document, findings);
        Set<String> usedTags = new TreeSet<>();
        fields(document.path("paths"))
                .forEach(path -> fields(path.getValue()).stream()
                        .filter(operation -> METHODS.contains(operation.getKey()))
                        .forEach(operation -> checkOperation(
                                operation.getKey(), path.getKey(), operation.getValue(), usedTags, findings)));
        checkTags(document.path("tags"), usedTags, findings);
        fields(document.path("components").path("schemas"))
                .forEach(schema -> checkSchema(schema.getKey(), schema.getValue(), findings));
        return findings;
    }

    private static void checkInfo(JsonNode info, List<String> findings) {
        String title = info.path("title").asText("");
        if (title.isBlank() || title.equals("OpenAPI definition")) {
            findings.add("info: the title is springdoc's default '" + title + "'");
        }
        String version = info.path("version").asText("");
        if (version.isBlank() || version.equals("v0")) {
            findings.add("info: the version is springdoc's default '" + version + "'");
        }
        if (info.path("description").asText("").isBlank()) {
            findings.add("info: no description");
        }
    }

    private static void checkSignIn(JsonNode document, List<String> findings) {
        JsonNode schemes = document.path("components").path("securitySchemes");
        if (!hasHttpScheme(schemes, "basic")) {
            findings.add("components: no HTTP Basic security scheme");
        }
        if (!hasHttpScheme(schemes, "bearer")) {
            findings.add("components: no bearer security scheme");
        }
        if (document.path("security").isEmpty()) {
            findings.add("security: the operations ask for no sign-in, so Swagger UI sends no credentials");
        }
    }

    private static boolean hasHttpScheme(JsonNode schemes, String scheme) {
        return StreamSupport.stream(schemes.spliterator(), false)
                .anyMatch(s -> "http".equals(s.path("type").asText())
                        && scheme.equalsIgnoreCase(s.path("scheme").asText()));
    }

    private static void checkOperation(
            String method, String path, JsonNode operation, Set<String> usedTags, List<String> findings) {
        String name = method.toUpperCase() + " " + path + " ("
                + operation.path("operationId").asText("?") + ")";
        if (operation.path("summary").asText("").isBlank()) {
            findings.add(name + ": no summary");
        }
        if (operation.path("description").asText("").isBlank()) {
            findings.add(name + ": no description");
        }
        List<String> tags = texts(operation.path("tags"));
        if (tags.isEmpty()) {
            findings.add(name + ": no tag");
        }
        tags.stream()
                .filter(tag -> tag.endsWith("-controller"))
                .forEach(tag -> findings.add(name + ": the generated tag '" + tag + "'"));
        usedTags.addAll(tags);
        Set<String> in = new LinkedHashSet<>();
        boolean ifMatch = false;
        for (JsonNode parameter : operation.path("parameters")) {
            in.add(parameter.path("in").asText());
            ifMatch |= parameter.path("name").asText().equalsIgnoreCase("If-Match");
            if (parameter.path("description").asText("").isBlank()) {
                findings.add(name + ": the parameter '" + parameter.path("name").asText() + "' has no description");
            }
        }
        boolean body = operation.has("requestBody");
        boolean write = WRITES.contains(method);
        Set<String> expected = new TreeSet<>(List.of("401", "429", "503"));
        if (body || !in.isEmpty()) {
            expected.add("400");
        }
        if (body) {
            expected.addAll(List.of("413", "415"));
        }
        if (in.contains("path") && !method.equals("put")) {
            expected.add("404");
        }
        if (write) {
            expected.addAll(List.of("403", "409"));
        }
        if (ifMatch) {
            expected.add("412");
        }
        operation.path(NEVER_ANSWERS).forEach(status -> expected.remove(status.asText()));
        JsonNode responses = operation.path("responses");
        expected.stream()
                .filter(status -> !responses.has(status))
                .forEach(status -> findings.add(name + ": no " + status + " answer documented"));
        fields(responses).stream()
                .filter(response ->
                        response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                .forEach(response -> checkProblem(name, response.getKey(), response.getValue(), findings));
        fields(responses).stream()
                .filter(response -> response.getKey().startsWith("2"))
                .filter(response ->
                        response.getValue().path("description").asText("").isBlank())
                .forEach(response -> findings.add(name + ": the " + response.getKey() + " answer has no description"));
    }

    private static void checkProblem(String name, String status, JsonNode response, List<String> findings) {
        JsonNode problemJson = response.path("content").path(PROBLEM_JSON);
        if (problemJson.isMissingNode()) {
            findings.add(name + ": the " + status + " answer is not " + PROBLEM_JSON);
            return;
        }
        List<JsonNode> examples = new ArrayList<>();
        problemJson.path("examples").forEach(example -> examples.add(example.path("value")));
        if (examples.isEmpty()) {
            findings.add(name + ": the " + status + " answer shows no problem type");
        }
        examples.stream()
                .filter(example -> !example.path("type").asText().startsWith(TYPE_PREFIX)
                        || !status.equals(example.path("status").asText()))
                .forEach(example -> findings.add(
                        name + ": the " + status + " answer shows a problem of another status or no type: " + example));
    }

    private static void checkTags(JsonNode declared, Set<String> used, List<String> findings) {
        for (String tag : used) {
            boolean described = StreamSupport.stream(declared.spliterator(), false)
                    .anyMatch(t -> tag.equals(t.path("name").asText())
                            && !t.path("description").asText("").isBlank());
            if (!described) {
                findings.add("tags: '" + tag + "' has no description");
            }
        }
    }

    private static void checkSchema(String name, JsonNode schema, List<String> findings) {
        if (schema.path("description").asText("").isBlank()) {
            findings.add("schema " + name + ": no description");
        }
        fields(schema.path("properties")).stream()
                .filter(property -> !property.getValue().has("$ref"))
                .filter(property ->
                        property.getValue().path("description").asText("").isBlank())
                .forEach(property ->
                        findings.add("schema " + name + ": the field '" + property.getKey() + "' has no description"));
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> iterator = node.fields();
        iterator.forEachRemaining(fields::add);
        return fields;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
