package org.giaoban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.web.servlet.ResultMatcher;

/** What a client that reads an answer by field name sees of it: the names of an object's fields. */
public final class JsonFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFields() {}

    /**
     * The object at {@code pointer} (a JSON Pointer such as {@code /items/0}; empty for the whole answer) has exactly
     * these fields, in this order, whatever their values.
     */
    public static ResultMatcher fieldsAt(String pointer, String... names) {
        return result -> {
            JsonNode node =
                    JSON.readTree(result.getResponse().getContentAsByteArray()).at(pointer);
            List<String> found = new ArrayList<>();
            node.fieldNames().forEachRemaining(found::add);
            assertThat(found).as("the fields at '%s'", pointer).containsExactly(names);
        };
    }
}
