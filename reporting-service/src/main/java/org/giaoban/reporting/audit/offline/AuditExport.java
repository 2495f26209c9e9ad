package org.giaoban.reporting.audit.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Writes one service's ledger from the API into a directory, files only: {@code tree-heads.json} (every signed head,
 * newest first, as {@code GET /api/audit/tree-heads} pages them), {@code keys.json} ({@code GET /api/audit/keys}) and
 * {@code events.ndjson} ({@code GET /api/audit/events}, streamed to disk as it arrives). The heads are read first, so
 * the events cover every head of the export.
 */
public final class AuditExport {

    public static final String EVENTS = "events.ndjson";
    public static final String TREE_HEADS = "tree-heads.json";
    public static final String KEYS = "keys.json";

    private static final int HEADS_PER_PAGE = 500;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final UnaryOperator<HttpRequest.Builder> authorise;

    /** An export from the API at {@code base}; {@code authorise} adds the caller's credentials to each request. */
    public AuditExport(URI base, UnaryOperator<HttpRequest.Builder> authorise) {
        this.base = base;
        this.authorise = authorise;
    }

    /** Writes the three files of {@code service}'s ledger into {@code directory}; answers the number of heads. */
    public int export(String service, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        String query = "service=" + URLEncoder.encode(service, StandardCharsets.UTF_8);
        ArrayNode heads = json.createArrayNode();
        for (int page = 0; ; page++) {
            JsonNode answer =
                    json.readTree(get("/api/audit/tree-heads?" + query + "&size=" + HEADS_PER_PAGE + "&page=" + page));
            answer.path("items").forEach(heads::add);
            if (answer.path("items").size() < HEADS_PER_PAGE) {
                break;
            }
        }
        json.writerWithDefaultPrettyPrinter()
                .writeValue(directory.resolve(TREE_HEADS).toFile(), heads);
        Files.writeString(directory.resolve(KEYS), get("/api/audit/keys"), StandardCharsets.UTF_8);
        HttpResponse<Path> events = http.send(
                request("/api/audit/events?" + query), HttpResponse.BodyHandlers.ofFile(directory.resolve(EVENTS)));
        requireOk(events.statusCode(), "/api/audit/events", "(see " + events.body() + ")");
        return heads.size();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                http.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        requireOk(answer.statusCode(), path, answer.body());
        return answer.body();
    }

    private HttpRequest request(String path) {
        return authorise.apply(HttpRequest.newBuilder(base.resolve(path))).build();
    }

    private static void requireOk(int status, String path, String body) throws IOException {
        if (status != 200) {
            throw new IOException(path + " answered " + status + ": " + body);
        }
    }
}
