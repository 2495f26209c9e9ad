package org.giaoban.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * One refusal as API.md describes it: {@code type} is {@code urn:giaoban:problem:<name>}; {@code properties} are
 * written after the four standard members.
 */
public record Problem(HttpStatus status, String name, String title, String detail, Map<String, Object> properties) {

    public static final String TYPE_PREFIX = "urn:giaoban:problem:";

    public Problem {
        properties = Map.copyOf(properties);
    }

    public static Problem of(HttpStatus status, String name, String title, String detail) {
        return new Problem(status, name, title, detail, Map.of());
    }

    public Problem with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return new Problem(status, name, title, detail, more);
    }

    public String type() {
        return TYPE_PREFIX + name;
    }

    /** The JSON members in the order they are written. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.putAll(properties);
        return body;
    }
}
