package org.giaoban.reporting;

import java.time.Duration;
import org.giaoban.platform.ledger.SealingGaps;

/** The auditors' endpoints over the services' embedded event stores: H2 files, served by their owner. */
class AuditLedgerOnH2IT extends AuditLedgerContract {

    @Override
    String tasksUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("tasks-service/events");
    }

    @Override
    String trainingUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("training-service/events");
    }

    @Override
    String user() {
        return "sa";
    }

    /** One writer at a time here: the history has no gaps for the sealer to wait out. */
    @Override
    SealingGaps gaps() {
        return SealingGaps.timed(Duration.ofHours(1));
    }
}
