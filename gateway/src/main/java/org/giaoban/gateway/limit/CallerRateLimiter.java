package org.giaoban.gateway.limit;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Counts a caller's requests and says whether one more is allowed now. */
public interface CallerRateLimiter {

    /**
     * @param allowed whether the request may go on
     * @param retryAfter when refused, how long until one more request would be allowed; zero when allowed
     */
    record Decision(boolean allowed, Duration retryAfter) {

        public static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** {@link #retryAfter} in whole seconds, rounded up, at least 1, as {@code Retry-After} wants it. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }

    /** Takes one request from the caller's allowance. */
    Mono<Decision> tryAcquire(String callerKey);
}
