package org.giaoban.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreOutagesTest {

    /** What HikariCP throws when no connection can be had: the last attempt's failure as its cause. */
    static SQLTransientConnectionException poolTimeout() {
        return new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms",
                "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("refused")));
    }

    @Test
    void aTransactionThatCouldNotBeginIsAnOutage() {
        assertThat(StoreOutages.isOutage(
                        new CannotCreateTransactionException("Could not open JDBC Connection", poolTimeout())))
                .isTrue();
    }

    @Test
    void anOutageWrappedByAxonsCommandGatewayOrAQueryFutureIsStillAnOutage() {
        assertThat(StoreOutages.isOutage(new CommandExecutionException(
                        "An exception occurred while executing a command",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout()))))
                .isTrue();
        assertThat(StoreOutages.isOutage(new CompletionException(new DataAccessResourceFailureException(
                        "Timed out while waiting for a server",
                        new MongoTimeoutException("Timed out while waiting for a server")))))
                .isTrue();
    }

    @Test
    void theEventStoreFailingToReadOrAppendIsAnOutage() {
        assertThat(StoreOutages.isOutage(new EventStoreException(
                        "An event could not be persisted", new SQLException("I/O error", "08006"))))
                .isTrue();
    }

    @Test
    void aConnectionLostInTheMiddleOfAStatementIsAnOutageByItsSqlState() {
        assertThat(StoreOutages.isOutage(new JdbcException(
                        "Failed to execute a query", new SQLException("An I/O error occurred", "08006"))))
                .isTrue();
        assertThat(StoreOutages.isOutage(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(StoreOutages.isOutage(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void hikarisAnswerOnAConnectionItFoundBrokenIsAnOutage() {
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(
                    "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
                    "lambda$getClosedConnection$0",
                    "ProxyConnection.java",
                    562)
        });

        assertThat(StoreOutages.isOutage(new JdbcException("Failed to create a SQL statement", closed)))
                .isTrue();
        assertThat(StoreOutages.isOutage(new SQLException("Connection is closed")))
                .as("the same words from anywhere else")
                .isFalse();
    }

    @Test
    void mongoDbThatCannotBeReachedIsAnOutage() {
        assertThat(StoreOutages.isOutage(new MongoTimeoutException("Timed out while waiting for a server")))
                .isTrue();
        assertThat(StoreOutages.isOutage(new MongoSocketOpenException(
                        "Exception opening socket", new ServerAddress("mongo", 27017), new ConnectException())))
                .isTrue();
    }

    @Test
    void refusalsAndConflictsAreNotOutages() {
        assertThat(StoreOutages.isOutage(new DomainRuleViolation("class-full", "The class is full.")))
                .isFalse();
        assertThat(StoreOutages.isOutage(new ConcurrencyException("changed concurrently")))
                .isFalse();
        assertThat(StoreOutages.isOutage(new DuplicateKeyException("duplicate", new SQLException("dup", "23505"))))
                .isFalse();
        assertThat(StoreOutages.isOutage(new JdbcException("bad SQL", new SQLException("syntax error", "42601"))))
                .isFalse();
        assertThat(StoreOutages.isOutage(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theDescriptionNamesEveryCauseButQuotesNoStatementNorValue() {
        SQLException batch = new SQLException(
                "Batch entry 0 INSERT INTO enrolment (class_id, learner_id, unit_id) VALUES ('c', '079301000123',"
                        + " 'HN-QUOCOAI') was aborted: An I/O error occurred while sending to the backend.",
                "08006",
                new SocketException("Connection reset"));

        String description = StoreOutages.describe(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction; SELECT * FROM enrolment", batch));

        assertThat(description)
                .isEqualTo(
                        "CannotCreateTransactionException < SQLException [08006] < SocketException: Connection reset")
                .doesNotContain("079301000123")
                .doesNotContain("SELECT");
        assertThat(StoreOutages.describe(poolTimeout()))
                .startsWith("SQLTransientConnectionException [08001]: HikariPool-1 - Connection is not available");
    }
}
