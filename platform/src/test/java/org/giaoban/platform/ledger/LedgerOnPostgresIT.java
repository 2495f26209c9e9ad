package org.giaoban.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.giaoban.platform.testing.LocalPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The ledger on PostgreSQL, in a database of its own for each test (see {@link LocalPostgresDatabase}). A gap is final
 * once every transaction that was running when it was seen has ended; with no grace, nothing but the transactions
 * decides.
 */
@EnabledIfEnvironmentVariable(
        named = LocalPostgresDatabase.SERVER_URL,
        matches = LocalPostgresDatabase.SERVER_URL_PATTERN)
class LedgerOnPostgresIT extends LedgerContract {

    private LocalPostgresDatabase database;

    @Override
    String createDatabase() throws SQLException {
        database = new LocalPostgresDatabase("giaoban_ledger_it");
        return database.create();
    }

    @Override
    void dropDatabase() throws SQLException {
        database.drop();
    }

    @Override
    String user() {
        return LocalPostgresDatabase.user();
    }

    @Override
    String flywayLocation() {
        return "classpath:db/migration/platform/postgresql";
    }

    @Override
    SealingGaps gapsOnceTransactionsEnded() {
        return SealingGaps.postgres(Duration.ZERO);
    }

    @Override
    void letGapTimeoutPass() {
        // Nothing to wait for but the transactions themselves.
    }

    @Test
    void whileOneInstanceHoldsTheSealerAnotherSealsNothing() throws Exception {
        appendEvents(3);
        LedgerSealer other = sealerWith(key);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT lock_id FROM ledger_seal_lock WHERE lock_id = 1 FOR UPDATE")
                        .close();
            }
            assertThat(other.sealPending().held()).isFalse();
            assertThat(new LedgerStore(dataSource).leafCount()).isZero();
            holder.commit();
        }
        sealAll();
        appendEvents(3);
        other.sealPending();
        sealAll();

        assertThat(new LedgerStore(dataSource).leafCount()).isEqualTo(6);
        assertThat(LedgerVerification.verify(dataSource, "tasks").verified()).isTrue();
    }
}
