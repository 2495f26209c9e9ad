package org.giaoban.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.giaoban.gateway.MutableClock;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    static final String NAME = "admin";
    static final String ADDRESS = "203.0.113.7";

    final MutableClock clock = new MutableClock(Instant.parse("2022-10-06T01:30:00Z"));
    final SignInThrottle throttle =
            new SignInThrottle(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(15), clock);

    @Test
    void theFirstFailuresCostNothing() {
        throttle.failed(NAME, ADDRESS);
        throttle.failed(NAME, ADDRESS);
        throttle.failed(NAME, ADDRESS);

        assertThat(throttle.waitBeforeChecking(NAME, ADDRESS)).isEmpty();
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheLockoutUpToItsCap() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(NAME, ADDRESS);
        }
        for (long expected : new long[] {1, 2, 4, 8, 10, 10}) {
            throttle.failed(NAME, ADDRESS);
            assertThat(throttle.waitBeforeChecking(NAME, ADDRESS)).contains(Duration.ofSeconds(expected));
            clock.advance(Duration.ofSeconds(expected));
            assertThat(throttle.waitBeforeChecking(NAME, ADDRESS)).isEmpty();
        }
    }

    @Test
    void aNameIsShutOutFromEveryAddressAndAnAddressForEveryName() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(NAME, "198.51.100." + i);
        }
        for (int i = 0; i < 4; i++) {
            throttle.failed("guess-" + i, ADDRESS);
        }

        assertThat(throttle.waitBeforeChecking(NAME, "192.0.2.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitBeforeChecking("xem", ADDRESS)).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitBeforeChecking("xem", "192.0.2.1")).isEmpty();
    }

    @Test
    void aSuccessfulSignInStartsTheNamesCountAgainButNotTheAddresss() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(NAME, ADDRESS);
        }
        throttle.succeeded(NAME);

        throttle.failed(NAME, "192.0.2.1");
        assertThat(throttle.waitBeforeChecking(NAME, "192.0.2.1")).isEmpty();
        throttle.failed("xem", ADDRESS);
        assertThat(throttle.waitBeforeChecking("xem", ADDRESS)).contains(Duration.ofSeconds(1));
    }

    @Test
    void countsAreForgottenAfterAQuietSpell() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(NAME, ADDRESS);
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.waitBeforeChecking(NAME, ADDRESS)).isEmpty();
        assertThat(throttle.failed(NAME, ADDRESS)).isEqualTo(1);
    }
}
