package org.giaoban.platform.testing;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What a caller checks of a problem+json answer: its status, its media type, and its type or invalid fields. */
public final class Problems {

    private Problems() {}

    /** A problem of {@code type} (the part after {@code urn:giaoban:problem:}) with {@code status}. */
    public static ResultMatcher problem(int status, String type) {
        return ResultMatcher.matchAll(
                status().is(status),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status),
                jsonPath("$.type").value("urn:giaoban:problem:" + type));
    }

    /** A {@code 400} that names exactly these invalid fields, in this order. */
    public static ResultMatcher invalidFields(String... fields) {
        return ResultMatcher.matchAll(problem(400, "invalid-request"), jsonPath("$.errors[*].field", contains(fields)));
    }
}
