package org.giaoban.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.giaoban.identity.IdentityHeader;

/**
 * Requests to a service under test on the loopback, as the administrator the gateway vouched for, with JSON bodies
 * and a time limit, on the JDK's HTTP client (which, unlike a RestTemplate, can be shared by many threads and never
 * waits for ever).
 */
public final class ServiceHttp {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String root;

    public ServiceHttp(int port) {
        this.root = "http://127.0.0.1:" + port;
    }

    public HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    /** A POST of {@code body} as JSON (a map or a record; dates as strings). */
    public HttpRequest.Builder post(String path, Object body) {
        try {
            return request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON body: " + body, e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's body as JSON. */
    public JsonNode json(HttpRequest.Builder request) throws IOException, InterruptedException {
        return parse(send(request).body());
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path))
                .header(IdentityHeader.NAME, TestCallers.tokenFor(TestCallers.ADMIN));
    }
}
