package org.giaoban.suite.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Somebody calling the suite over HTTP: a user with HTTP Basic credentials at the gateway, or nobody in particular at
 * the gateway or straight at a service's port, with any extra headers.
 */
public final class Caller {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Map<String, String> headers;

    Caller(URI base, String authorization) {
        this(base, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    private Caller(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same caller, sending one more header with every request. */
    public Caller withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Caller(base, more);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public CompletableFuture<Answer> getLater(String path) {
        return HTTP.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(Answer::of);
    }

    public Answer post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Any request, with the body sent as the bytes given (none when null), under the content type given. */
    public Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER_TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            return Answer.of(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while waiting for " + request.build().uri(), e);
        }
    }
}
