package org.giaoban.platform.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme of RFC 8785 over a Jackson tree: object members sorted by the UTF-16 code units of
 * their names, no whitespace, strings escaped as ECMAScript's {@code JSON.stringify} does, numbers as IEEE 754 doubles
 * printed in ECMAScript's shortest form ({@code 1e+21}, {@code 0.000001}, {@code 1e-7}).
 *
 * <p>Two choices where the RFC leaves room or where stored data could fall outside it, both stable for every input:
 * an integer beyond the doubles' exact range is, as the RFC says, the nearest double (so {@code 2^53 + 1} is written
 * {@code 9007199254740992}); a lone UTF-16 surrogate, which the RFC refuses, is written as a {@code \\uXXXX} escape as
 * ECMAScript 2019's well-formed {@code JSON.stringify} does, so that no stored row is left without a canonical form.
 * NaN and infinities have no JSON form and are refused.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long LARGEST_EXACT_INTEGER = 1L << 53;

    private CanonicalJson() {}

    /** The canonical text of {@code node}. */
    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(1024);
        write(node, out);
        return out.toString();
    }

    /** The UTF-8 bytes of the canonical text: what is hashed. */
    public static byte[] utf8(JsonNode node) {
        return canonicalize(node).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case NULL, MISSING -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    members.add(fields.next());
                }
                // String.compareTo compares UTF-16 code units, which is the order RFC 8785 asks for.
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("no JSON form for a " + node.getNodeType() + " node");
        }
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long value = node.longValue();
            if (Math.abs(value) <= LARGEST_EXACT_INTEGER) {
                out.append(value);
                return;
            }
        }
        out.append(number(node.doubleValue()));
    }

    /** A double as ECMAScript's {@code Number.prototype.toString} prints it (ECMA-262, 7.1.12.1). */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no form for " + value);
        }
        if (value == 0) {
            return "0"; // minus zero too
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortestRoundTrip(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The fewest decimal digits that read back as {@code value}, and of those the closest to it. Rounding the exact
     * value is not always enough: just above a power of two the interval that reads back is narrower below than above,
     * so the digits rounded up can be the only ones that fit.
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode :
                    new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value
                        && (best == null
                                || candidate
                                                .subtract(exact)
                                                .abs()
                                                .compareTo(best.subtract(exact).abs())
                                        < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return stripZeros(best);
            }
        }
        throw new IllegalStateException("no decimal form of " + value);
    }

    private static BigDecimal stripZeros(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        // stripTrailingZeros keeps an unscaled value like 1 with a negative scale: exactly the form wanted here.
        return stripped.unscaledValue().equals(BigInteger.ZERO) ? BigDecimal.ZERO : stripped;
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        int length = text.length();
        // Characters that need no escape are copied a run at a time: nearly every string is one such run.
        int runFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(text, runFrom, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> escape(c, out); // another control character, or a lone surrogate
            }
            runFrom = i + 1;
        }
        out.append(text, runFrom, length);
        out.append('"');
    }

    private static void escape(char c, StringBuilder out) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
