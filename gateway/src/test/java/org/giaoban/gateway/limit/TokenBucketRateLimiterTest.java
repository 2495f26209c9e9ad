package org.giaoban.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.giaoban.gateway.MutableClock;
import org.giaoban.gateway.limit.CallerRateLimiter.Decision;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    final MutableClock clock = new MutableClock(Instant.parse("2022-10-06T01:30:00Z"));
    final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(2, 4, clock);

    @Test
    void aBurstIsAllowedAndTheNextRequestIsRefusedUntilATokenReturns() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("user:hoa").allowed()).isTrue();
        }

        Decision refused = limiter.acquire("user:hoa");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("user:hoa");
        }
        clock.advance(Duration.ofMillis(499));
        assertThat(limiter.acquire("user:hoa").allowed()).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire("user:hoa").allowed()).isTrue();
        assertThat(limiter.acquire("user:hoa").allowed()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire("user:hoa").allowed()).isTrue();
        assertThat(limiter.acquire("user:hoa").allowed()).isTrue();
        assertThat(limiter.acquire("user:hoa").allowed()).isFalse();
    }

    @Test
    void aLongPauseFillsTheBucketOnlyUpToTheBurst() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("user:hoa");
        }
        clock.advance(Duration.ofHours(1));

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("user:hoa").allowed()).isTrue();
        }
        assertThat(limiter.acquire("user:hoa").allowed()).isFalse();
    }

    @Test
    void eachCallerHasABucketOfItsOwn() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("user:hoa");
        }
        assertThat(limiter.acquire("user:hoa").allowed()).isFalse();

        assertThat(limiter.acquire("user:nam").allowed()).isTrue();
        assertThat(limiter.acquire("address:127.0.0.1").allowed()).isTrue();
    }

    @Test
    void theWaitIsRoundedUpToWholeSecondsForRetryAfter() {
        TokenBucketRateLimiter slow = new TokenBucketRateLimiter(1, 1, clock);
        slow.acquire("user:hoa");
        clock.advance(Duration.ofMillis(100));

        Decision refused = slow.acquire("user:hoa");

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(900));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(new Decision(false, Duration.ofMillis(1500)).retryAfterSeconds())
                .isEqualTo(2);
        assertThat(new Decision(false, Duration.ofSeconds(3)).retryAfterSeconds())
                .isEqualTo(3);
    }

    @Test
    void bucketsThatHadTimeToFillAreForgotten() {
        limiter.acquire("address:10.0.0.1");
        clock.advance(Duration.ofSeconds(1));
        limiter.acquire("address:10.0.0.2");
        clock.advance(Duration.ofSeconds(1));

        limiter.sweep(limiter.nowNanos());

        assertThat(limiter.callers()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        limiter.sweep(limiter.nowNanos());
        assertThat(limiter.callers()).isZero();
    }

    @Test
    void aClockGoingBackDoesNotGiveTokens() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("user:hoa");
        }
        clock.advance(Duration.ofSeconds(-10));
        assertThat(limiter.acquire("user:hoa").allowed()).isFalse();
    }
}
