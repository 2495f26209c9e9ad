package org.giaoban.suite.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, within a bound, for what the read models show to catch up with a write: they follow the event store within
 * milliseconds, but not in the same transaction.
 */
final class Polling {

    private Polling() {}

    /** Asks until the answer is the awaited one or the time is up, and returns the last answer either way. */
    static <T> T until(Duration timeout, Supplier<T> ask, Predicate<T> awaited) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = ask.get();
        while (!awaited.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = ask.get();
        }
        return last;
    }
}
