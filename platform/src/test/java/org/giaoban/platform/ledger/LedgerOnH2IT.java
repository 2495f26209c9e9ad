package org.giaoban.platform.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on the embedded event store, an H2 file as the services open it. A gap is final a fixed time after it was
 * seen; the test moves that clock rather than waiting.
 */
class LedgerOnH2IT extends LedgerContract {

    private static final Duration GAP_TIMEOUT = Duration.ofHours(1);

    @TempDir
    Path dataDirectory;

    private final AtomicLong nanoTime = new AtomicLong();

    @Override
    String createDatabase() throws java.sql.SQLException {
        try {
            Files.createDirectories(dataDirectory.resolve("tasks-service"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "jdbc:h2:file:" + dataDirectory.resolve("tasks-service").resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String flywayLocation() {
        return "classpath:db/migration/platform/h2";
    }

    @Override
    SealingGaps gapsOnceTransactionsEnded() {
        return SealingGaps.timed(GAP_TIMEOUT, nanoTime::get);
    }

    @Override
    void letGapTimeoutPass() {
        nanoTime.addAndGet(GAP_TIMEOUT.toNanos());
    }
}
