package org.giaoban.gateway.limit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * A token bucket per caller, in this process: each bucket holds up to {@code burst} tokens, refills at
 * {@code requestsPerSecond}, and a request takes one token. Time comes from the {@link Clock}, so a test moves it
 * instead of sleeping.
 *
 * <p>A full bucket is the same as no bucket, so buckets that have had time to fill up are dropped now and then; the
 * map does not grow with every client address ever seen.
 */
public class TokenBucketRateLimiter implements CallerRateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SWEEP_EVERY = 4096;

    private final double tokensPerNano;
    private final int burst;
    private final long nanosToFill;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private static final class Bucket {
        double tokens;
        long updatedAtNanos;

        Bucket(double tokens, long updatedAtNanos) {
            this.tokens = tokens;
            this.updatedAtNanos = updatedAtNanos;
        }
    }

    public TokenBucketRateLimiter(int requestsPerSecond, int burst, Clock clock) {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("requests per second and burst must be at least 1");
        }
        this.tokensPerNano = (double) requestsPerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanosToFill = (long) Math.ceil(burst / tokensPerNano);
        this.clock = clock;
    }

    @Override
    public Mono<Decision> tryAcquire(String callerKey) {
        return Mono.just(acquire(callerKey));
    }

    /** The same as {@link #tryAcquire}, without Reactor. */
    public Decision acquire(String callerKey) {
        long now = nowNanos();
        if (requests.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(callerKey, key -> new Bucket(burst, now));
        synchronized (bucket) {
            long elapsed = Math.max(0, now - bucket.updatedAtNanos);
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * tokensPerNano);
            bucket.updatedAtNanos = Math.max(bucket.updatedAtNanos, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOWED;
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
            return new Decision(false, Duration.ofNanos(wait));
        }
    }

    /** How many callers have a bucket now. */
    int callers() {
        return buckets.size();
    }

    void sweep(long now) {
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return now - entry.getValue().updatedAtNanos >= nanosToFill;
            }
        });
    }

    long nowNanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }
}
