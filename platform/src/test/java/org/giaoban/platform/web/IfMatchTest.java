package org.giaoban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.giaoban.platform.problem.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", "  \"3\"  "})
    void aVersionIsReadQuotedWeakOrBare(String header) {
        assertThat(IfMatch.expectedVersion(header)).isEqualTo(3L);
    }

    @Test
    void aLongVersionIsReadWhole() {
        assertThat(IfMatch.expectedVersion("\"123456789012345678\"")).isEqualTo(123_456_789_012_345_678L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "*", " * "})
    void noHeaderABlankOneOrAStarExpectsNoVersion(String header) {
        assertThat(IfMatch.expectedVersion(header)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "W/abc", "\"v3\"", "-1", "3.0", "\"3\", \"4\"", "W/ \"3\"", "1234567890123456789"})
    void anythingElseIsAnInvalidIfMatch(String header) {
        assertThatThrownBy(() -> IfMatch.expectedVersion(header))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("If-Match"))
                .hasMessageContaining("must be a version");
    }

    @Test
    void theEntityTagOfAVersionIsTheQuotedVersionThatIfMatchReadsBack() {
        assertThat(IfMatch.entityTag(7)).isEqualTo("\"7\"");
        assertThat(IfMatch.expectedVersion(IfMatch.entityTag(41))).isEqualTo(41L);
    }
}
