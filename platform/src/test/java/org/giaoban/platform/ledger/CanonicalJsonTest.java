package org.giaoban.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExampleOfRfc8785Section3_2_2IsCanonicalized() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;

        assertThat(CanonicalJson.canonicalize(JSON.readTree(input)))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAsInRfc8785Section3_2_3() throws Exception {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;

        assertThat(CanonicalJson.canonicalize(JSON.readTree(input)))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                        + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void sortingFollowsCodeUnitsNotTheFrenchLocale() throws Exception {
        JsonNode input =
                JSON.readTree("{\"peach\": \"This sorting order\", \"péché\": \"is wrong according to French\","
                        + " \"pêche\": \"but canonicalization MUST\", \"sin\":   \"ignore locale\"}");

        assertThat(new String(CanonicalJson.utf8(input), StandardCharsets.UTF_8))
                .isEqualTo("{\"peach\":\"This sorting order\",\"péché\":\"is wrong according to French\","
                        + "\"pêche\":\"but canonicalization MUST\",\"sin\":\"ignore locale\"}");
    }

    /** The number table of RFC 8785 appendix B: IEEE 754 bits and their ECMAScript form. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void numbersArePrintedAsInTheTableOfRfc8785AppendixB(String bits, String expected) {
        double value = Double.longBitsToDouble(new BigInteger(bits, 16).longValue());

        assertThat(CanonicalJson.number(value)).isEqualTo(expected);
        assertThat(CanonicalJson.canonicalize(JsonNodeFactory.instance.numberNode(value)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void notANumberAndTheInfinitiesHaveNoCanonicalForm(String bits) {
        double value = Double.longBitsToDouble(new BigInteger(bits, 16).longValue());

        assertThatThrownBy(() -> CanonicalJson.number(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersAreWrittenAsTheDoublesTheyRoundTo() throws Exception {
        assertThat(CanonicalJson.canonicalize(
                        JSON.readTree("[1, -0, 1.0, 9007199254740993, 100000000000000000000000]")))
                .isEqualTo("[1,0,1,9007199254740992,1e+23]");
    }

    @Test
    void controlCharactersAreEscapedInLowercaseHexAndEverythingElseIsLiteral() {
        String text = "tab\tbell\u0007del\u007f Hà Nội \u2028";

        assertThat(CanonicalJson.canonicalize(JsonNodeFactory.instance.textNode(text)))
                .isEqualTo("\"tab\\tbell\\u0007del\u007f Hà Nội \u2028\"");
    }

    @Test
    void aLoneSurrogateIsEscapedAsWellFormedJsonStringifyDoes() {
        assertThat(CanonicalJson.canonicalize(JsonNodeFactory.instance.textNode("a\uD800b\uDC00")))
                .isEqualTo("\"a\\ud800b\\udc00\"");
    }

    @Test
    void nestedObjectsAreSortedAtEveryDepthWithoutWhitespace() throws Exception {
        assertThat(CanonicalJson.canonicalize(
                        JSON.readTree("{ \"b\" : [ { \"z\":1, \"a\" : {\"y\":null,\"x\":[]} } ], \"a\": {} }")))
                .isEqualTo("{\"a\":{},\"b\":[{\"a\":{\"x\":[],\"y\":null},\"z\":1}]}");
    }
}
