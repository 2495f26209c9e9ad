package org.giaoban.gateway.limit;

import java.time.Duration;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The same token bucket kept in Redis by Spring Cloud Gateway's {@link RedisRateLimiter}, so that every gateway instance
 * counts against one allowance. When Redis does not answer, requests go through (the limiter logs it): a rate limit is
 * not worth refusing everything for.
 */
public class RedisCallerRateLimiter implements CallerRateLimiter {

    /** The configuration key under which the limiter keeps its settings; part of the Redis keys. */
    static final String LIMIT_ID = "giaoban";

    private final RedisRateLimiter limiter;
    private final Duration retryAfter;

    public RedisCallerRateLimiter(RedisRateLimiter limiter, int requestsPerSecond, int burst) {
        this.limiter = limiter;
        limiter.getConfig()
                .put(
                        LIMIT_ID,
                        new RedisRateLimiter.Config()
                                .setReplenishRate(requestsPerSecond)
                                .setBurstCapacity(burst)
                                .setRequestedTokens(1));
        this.retryAfter = Duration.ofNanos((long) Math.ceil(1_000_000_000.0 / requestsPerSecond));
    }

    @Override
    public Mono<Decision> tryAcquire(String callerKey) {
        return limiter.isAllowed(LIMIT_ID, callerKey)
                .map(response -> response.isAllowed() ? Decision.ALLOWED : new Decision(false, retryAfter));
    }
}
