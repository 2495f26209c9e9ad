package org.giaoban.reporting.briefing.query;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.giaoban.platform.problem.ServiceBusyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The guard of reports "as recorded at" an instant, each of which reads both event stores whole: one is computed at a
 * time; a request that finds it taken for longer than {@code giaoban.reports.recorded-at.wait} (2 s) is refused, and a
 * fold that runs past {@code giaoban.reports.recorded-at.time-limit} (60 s) is stopped. Either way the caller gets
 * {@code 503} with {@code Retry-After} rather than a thread held for as long as the stores take, and live reports,
 * which read the read model, go on answering meanwhile.
 */
@Component
public class RecordedAtFolds {

    private final Semaphore slot = new Semaphore(1, true);
    private final Duration wait;
    private final Duration timeLimit;

    public RecordedAtFolds(
            @Value("${giaoban.reports.recorded-at.wait:2s}") Duration wait,
            @Value("${giaoban.reports.recorded-at.time-limit:60s}") Duration timeLimit) {
        this.wait = wait;
        this.timeLimit = timeLimit;
    }

    /** Takes the one slot, waiting for it at most the configured time. */
    public Fold enter() {
        boolean entered;
        try {
            entered = slot.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw new ServiceBusyException("Another report as recorded at an instant is being computed, and only one"
                    + " is at a time. Try again shortly; reports without recordedAt answer meanwhile.");
        }
        return new Fold(System.nanoTime() + timeLimit.toNanos());
    }

    /** One fold holding the slot until closed. */
    public final class Fold implements AutoCloseable {

        private final long deadline;

        private Fold(long deadline) {
            this.deadline = deadline;
        }

        /** Stops the fold once it has run past its time limit. */
        public void checkTime() {
            if (System.nanoTime() - deadline > 0) {
                throw new ServiceBusyException(
                        "The report as recorded at an instant took longer than its time limit of "
                                + timeLimit.toSeconds()
                                + " s and was stopped. Try again when the service is less busy.");
            }
        }

        @Override
        public void close() {
            slot.release();
        }
    }
}
