package org.giaoban.reporting.briefing.query;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.giaoban.platform.problem.ServiceBusyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The guard of reports "as recorded at" an instant, each of which reads both event stores whole: one is computed at a
 * time; a request that finds it taken for longer than {@code giaoban.reports.recorded-at.wait} (2 s) is refused, and a
 * fold that runs past {@code giaoban.reports.recorded-at.time-limit} (60 s) is stopped. Either way the caller gets
 * {@code 503} with {@code Retry-After} rather than a thread held for as long as the stores take, and live reports,
 * which read the read model, go on answering meanwhile. A caller that says how long it waits for the answer (the
 * gateway does: {@link org.giaoban.platform.web.GatewayWait}) shortens both: work it would never receive is not done.
 */
@Component
public class RecordedAtFolds {

    private final Semaphore slot = new Semaphore(1, true);
    private final Duration wait;
    private final Duration timeLimit;
    private final LongSupplier nanoTime;

    @Autowired
    public RecordedAtFolds(
            @Value("${giaoban.reports.recorded-at.wait:2s}") Duration wait,
            @Value("${giaoban.reports.recorded-at.time-limit:60s}") Duration timeLimit) {
        this(wait, timeLimit, System::nanoTime);
    }

    RecordedAtFolds(Duration wait, Duration timeLimit, LongSupplier nanoTime) {
        this.wait = wait;
        this.timeLimit = timeLimit;
        this.nanoTime = nanoTime;
    }

    /** Takes the one slot, waiting for it at most the configured time. */
    public Fold enter() {
        return enter(Optional.empty());
    }

    /**
     * Takes the one slot, waiting for it at most the configured time, and no longer than the caller waits for the
     * answer; the fold's time limit is cut to the caller's wait too. Both count from now.
     */
    public Fold enter(Optional<Duration> callerWaits) {
        long start = nanoTime.getAsLong();
        Duration limit =
                callerWaits.filter(caller -> caller.compareTo(timeLimit) < 0).orElse(timeLimit);
        Duration slotWait = limit.compareTo(wait) < 0 ? limit : wait;
        boolean entered;
        try {
            entered = slot.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw new ServiceBusyException("Another report as recorded at an instant is being computed, and only one"
                    + " is at a time. Try again shortly; reports without recordedAt answer meanwhile.");
        }
        return new Fold(start + limit.toNanos(), limit);
    }

    /** One fold holding the slot until closed. */
    public final class Fold implements AutoCloseable {

        private final long deadline;
        private final Duration limit;

        private Fold(long deadline, Duration limit) {
            this.deadline = deadline;
            this.limit = limit;
        }

        /** Stops the fold once it has run past its time limit. */
        public void checkTime() {
            if (nanoTime.getAsLong() - deadline > 0) {
                throw new ServiceBusyException(
                        "The report as recorded at an instant took longer than its time limit of " + limit.toMillis()
                                + " ms and was stopped. Try again when the service is less busy.");
            }
        }

        @Override
        public void close() {
            slot.release();
        }
    }
}
