package org.giaoban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnswerWithinTest {

    @Test
    void aWaitTravelsAsWholeMilliseconds() {
        assertThat(AnswerWithin.format(Duration.ofSeconds(10))).isEqualTo("10000");
        assertThat(AnswerWithin.parse("10000")).contains(Duration.ofSeconds(10));
        assertThat(AnswerWithin.parse("0")).contains(Duration.ZERO);
    }

    @Test
    void anythingButACountOfMillisecondsIsNoWaitAtAll() {
        assertThat(AnswerWithin.parse(null)).isEmpty();
        assertThat(AnswerWithin.parse("")).isEmpty();
        assertThat(AnswerWithin.parse("-1")).isEmpty();
        assertThat(AnswerWithin.parse("10s")).isEmpty();
        assertThat(AnswerWithin.parse("1e9")).isEmpty();
        assertThat(AnswerWithin.parse("9999999999")).isEmpty();
    }
}
