package org.giaoban.suite.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.giaoban.identity.IdentityHeader;

/**
 * JSON over HTTP to one service. Every call names the status it expects; any other answer is a {@link LoadFailure}
 * that carries the method, the address, the status and the body the service answered (its problem+json). An answer
 * {@code 503} of type {@value #BUSY} (the service stored nothing of the request and asks to try again later) is sent
 * again after its {@code Retry-After}, up to {@value #ATTEMPTS} times in all, as a well-behaved client does.
 */
final class ServiceClient {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static final String BUSY = "urn:giaoban:problem:busy";
    static final int ATTEMPTS = 5;

    private final String name;
    private final String baseUrl;
    private final HttpClient http;
    private final Operator operator;

    ServiceClient(String name, String baseUrl, HttpClient http, Operator operator) {
        this.name = name;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.http = http;
        this.operator = operator;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonNode get(String path) {
        return send("GET", path, null, null, 200);
    }

    JsonNode post(String path, Object body, int expectedStatus) {
        return send("POST", path, "application/json", json(body), expectedStatus);
    }

    JsonNode postCsv(String path, String csv, int expectedStatus) {
        return send("POST", path, "text/csv; charset=utf-8", csv.getBytes(StandardCharsets.UTF_8), expectedStatus);
    }

    JsonNode put(String path, Object body, int expectedStatus) {
        return send("PUT", path, "application/json", json(body), expectedStatus);
    }

    void delete(String path, int expectedStatus) {
        send("DELETE", path, null, null, expectedStatus);
    }

    /** A JSON object of the given names and values, in that order; values may be null. */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    private JsonNode send(String method, String path, String contentType, byte[] body, int expectedStatus) {
        URI uri = URI.create(baseUrl + path);
        HttpResponse<String> response = exchange(method, uri, contentType, body);
        for (int attempt = 2; attempt <= ATTEMPTS && isBusy(response); attempt++) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(2);
            System.err.printf(
                    "%s %s answered 503 busy (nothing stored); sending it again in %d s, attempt %d of %d%n",
                    method, uri, seconds, attempt, ATTEMPTS);
            pause(Duration.ofSeconds(Math.max(0, Math.min(seconds, 30))));
            response = exchange(method, uri, contentType, body);
        }
        if (response.statusCode() != expectedStatus) {
            throw new LoadFailure(method + " " + uri + " answered " + response.statusCode() + " (expected "
                    + expectedStatus + "):\n" + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new LoadFailure(method + " " + uri + " answered what is not JSON:\n" + response.body(), e);
        }
    }

    /** One exchange, with a token of its own: a token serves one request. */
    private HttpResponse<String> exchange(String method, URI uri, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json, application/problem+json")
                .header(IdentityHeader.NAME, operator.token());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LoadFailure(method + " " + uri + ": " + name + " cannot be reached (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure(method + " " + uri + " was interrupted", e);
        }
    }

    static boolean isBusy(HttpResponse<String> response) {
        if (response.statusCode() != 503) {
            return false;
        }
        try {
            return BUSY.equals(JSON.readTree(response.body()).path("type").asText());
        } catch (JsonProcessingException notProblemJson) {
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadFailure("interrupted while waiting to send a request again", e);
        }
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body as JSON", e);
        }
    }
}
