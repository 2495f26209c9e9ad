package org.giaoban.suite.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** What the suite answered: status, headers and body; its {@code toString} says all three for failure messages. */
public record Answer(String request, int status, HttpHeaders headers, String body) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Answer of(HttpResponse<String> response) {
        return new Answer(
                response.request().method() + " " + response.request().uri(),
                response.statusCode(),
                response.headers(),
                response.body());
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + this, e);
        }
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + contentType() + " " + body;
    }
}
