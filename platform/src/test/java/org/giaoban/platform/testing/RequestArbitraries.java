package org.giaoban.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies made from an API's shapes for property tests: a valid body, the same with one field missing or given
 * a value of the wrong type, an odd string, an impossible or far-away date, an odd number, and JSON text broken as a
 * whole. Text is written with every non-ASCII character escaped, so that half a surrogate pair can be sent at all.
 */
public final class RequestArbitraries {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final String HEX = "0123456789ABCDEF";

    private RequestArbitraries() {}

    /** A value of a field as a body declares it: {@code MISSING} leaves the field out. */
    public static final Object MISSING = new Object();

    /** Strings nobody should send and somebody will. */
    public static Arbitrary<String> oddTexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        3,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .ofMinLength(1)
                                .ofMaxLength(4)
                                .map(controls -> "Sơ kết" + controls)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "",
                                " ",
                                "Nguyễn Thị Hà",
                                Normalizer.normalize("Nguyễn Thị Hà", Normalizer.Form.NFD),
                                "' OR '1'='1",
                                "1; DROP TABLE domain_event_entry; --",
                                "../../../etc/passwd",
                                "<script>alert(1)</script>",
                                "${jndi:ldap://127.0.0.1/x}",
                                "\ud800",
                                "\udfff x",
                                "😀",
                                "\u202eHN",
                                "HN-HOANKIEM",
                                "2022-06-30")),
                Tuple.of(1, Arbitraries.integers().between(200, 6000).map("x"::repeat)),
                Tuple.of(1, Arbitraries.just("x".repeat(100_000))));
    }

    /** Dates as text: real ones of any year, impossible ones, and ones that are not dates. */
    public static Arbitrary<Object> oddDates() {
        Arbitrary<String> anyYear = Combinators.combine(
                        Arbitraries.integers().between(1, 9999),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 28))
                .as((year, month, day) -> String.format("%04d-%02d-%02d", year, month, day));
        return Arbitraries.oneOf(
                anyYear.map(Object.class::cast),
                Arbitraries.of(
                        "2022-02-30",
                        "2022-13-01",
                        "2022-00-10",
                        "+99999-01-01",
                        "-0001-01-01",
                        "+1000000000-01-01T00:00:00Z",
                        "1899-12-31",
                        "2101-01-01",
                        "2022-06-30T25:00:00Z",
                        "30/06/2022",
                        "2022-06-30T00:00:00Z",
                        "yesterday"));
    }

    /** Numbers out of range or of the wrong kind, some as raw JSON no Java number holds. */
    public static Arbitrary<Object> oddNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(-1, 0, 1.5, -0.0, Double.MAX_VALUE, "12", "abc", true),
                Arbitraries.of("1e400", "99999999999999999999999", "-9223372036854775809", "0.1e-400")
                        .map(RawValue::new));
    }

    /** Any JSON value in place of a field's: the wrong type more often than not. */
    public static Arbitrary<Object> oddValues() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                oddTexts().map(Object.class::cast),
                oddNumbers(),
                oddDates(),
                Arbitraries.of(List.of(), List.of("x", 1), Map.of(), Map.of("a", List.of(1))));
    }

    /**
     * The valid body, or it with one field left out or given an odd value: of the field's own kind (from
     * {@code oddByField}, when named there) or of any kind.
     */
    public static Arbitrary<Map<String, Object>> mutated(
            Map<String, Object> valid, Map<String, Arbitrary<Object>> oddByField) {
        List<String> fields = new ArrayList<>(valid.keySet());
        Arbitrary<Map<String, Object>> oneFieldChanged = Arbitraries.of(fields)
                .flatMap(field -> Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.just(MISSING)),
                                Tuple.of(2, oddValues()),
                                Tuple.of(3, oddByField.getOrDefault(field, oddValues())))
                        .map(value -> with(valid, field, value)));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(valid)), Tuple.of(6, oneFieldChanged));
    }

    /** A body as JSON text, sometimes broken as a whole: cut short, wrapped, empty, not JSON. */
    public static Arbitrary<String> json(Arbitrary<?> bodies) {
        Arbitrary<String> written = bodies.map(RequestArbitraries::write);
        Arbitrary<String> cutShort = written.flatMap(text -> Arbitraries.integers()
                .between(0, Math.max(0, text.length() - 1))
                .map(end -> text.substring(0, end)));
        return Arbitraries.frequencyOf(
                Tuple.of(12, written),
                Tuple.of(2, cutShort),
                Tuple.of(1, written.map(text -> "[" + text + "]")),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "{}", "{\"a\":", "not json", "[".repeat(5000))));
    }

    /** Ids in a path: the record's own, another kind of record's, an unknown UUID, and text that is no id at all. */
    public static Arbitrary<String> ids(String own, String otherKinds) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(own)),
                Tuple.of(2, Arbitraries.just(otherKinds)),
                Tuple.of(2, Arbitraries.create(UUID::randomUUID).map(UUID::toString)),
                Tuple.of(
                        2,
                        oddTexts().map(RequestArbitraries::pathSegment).filter(RequestArbitraries::passesTheGateway)));
    }

    /**
     * Whether the gateway lets a path segment through to a service: it refuses, with a problem of its own, encoded
     * slashes, backslashes, dots, percents, semicolons and control characters, which the services' web server would
     * otherwise refuse with a page of its own.
     */
    public static boolean passesTheGateway(String segment) {
        return !segment.isEmpty() && !segment.matches("(?i).*%(0[0-9A-F]|1[0-9A-F]|7F|2F|5C|2E|25|3B).*");
    }

    /**
     * Text as one segment of a path, its first 300 characters, every byte but letters, digits, {@code -} and {@code _}
     * percent-encoded.
     */
    public static String pathSegment(String text) {
        StringBuilder segment = new StringBuilder();
        String start = text.length() > 300 ? text.substring(0, 300) : text;
        for (byte b : start.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                segment.append((char) c);
            } else {
                segment.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return segment.toString();
    }

    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        if (value == MISSING) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }
}
