package org.giaoban.reporting;

import java.sql.SQLException;
import java.time.Duration;
import org.giaoban.platform.ledger.SealingGaps;
import org.giaoban.platform.testing.LocalPostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The auditors' endpoints over a PostgreSQL database per service, each created for the test and dropped after it. */
@EnabledIfEnvironmentVariable(
        named = LocalPostgresDatabase.SERVER_URL,
        matches = LocalPostgresDatabase.SERVER_URL_PATTERN)
class AuditLedgerOnPostgresIT extends AuditLedgerContract {

    private final LocalPostgresDatabase tasksDatabase = new LocalPostgresDatabase("giaoban_tasks_audit_it");
    private final LocalPostgresDatabase trainingDatabase = new LocalPostgresDatabase("giaoban_training_audit_it");
    private String tasksUrl;
    private String trainingUrl;

    @BeforeEach
    @Override
    void openEventStores() {
        try {
            tasksUrl = tasksDatabase.create();
            trainingUrl = trainingDatabase.create();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test databases", e);
        }
        super.openEventStores();
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        tasksDatabase.drop();
        trainingDatabase.drop();
    }

    @Override
    String tasksUrl() {
        return tasksUrl;
    }

    @Override
    String trainingUrl() {
        return trainingUrl;
    }

    @Override
    String user() {
        return LocalPostgresDatabase.user();
    }

    @Override
    SealingGaps gaps() {
        return SealingGaps.postgres(Duration.ofSeconds(1));
    }
}
