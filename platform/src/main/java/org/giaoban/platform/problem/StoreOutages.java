package org.giaoban.platform.problem;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means a store cannot be reached just now (the service's database, or the MongoDB of its
 * read models), wherever it sits in a cause chain: Axon's command gateway, its event store, Spring's transactions
 * and its exception translation each wrap the driver's exception in their own.
 *
 * <p>What counts: Axon's {@link EventStoreException} (the storage engine could not read or append, for any reason but
 * a duplicate key, which is a concurrency conflict); a transaction that could not begin; Spring's
 * {@link DataAccessResourceFailureException} (and {@code CannotGetJdbcConnectionException} under it), which is how
 * both JDBC and Spring Data MongoDB translate a lost connection; HikariCP's timeout for a connection
 * ({@link SQLTransientConnectionException}); an SQL connection failure by its SQLSTATE (class {@code 08}, and
 * PostgreSQL's {@code 57P01}–{@code 57P03}: shut down, crashed, not accepting connections yet), or HikariCP's answer
 * on a connection it found broken; and the MongoDB driver's server-selection timeout and socket failures.
 */
public final class StoreOutages {

    private static final String HIKARI_PACKAGE = "com.zaxxer.hikari.";

    private StoreOutages() {}

    public static boolean isOutage(Throwable failure) {
        return causes(failure).stream().anyMatch(StoreOutages::meansOutage);
    }

    /**
     * The failure in one line for the operator's log: each exception's class, with the SQLSTATE of SQL exceptions and
     * the message only of those whose message is known to hold no data (a socket's, HikariCP's). Messages of SQL and
     * data-access exceptions can quote a statement and its values, a learner's id among them, so they are left out.
     */
    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause : causes(failure)) {
            StringBuilder part = new StringBuilder(cause.getClass().getSimpleName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                part.append(" [").append(sql.getSQLState()).append(']');
            }
            if ((cause instanceof IOException || cause instanceof SQLTransientConnectionException)
                    && cause.getMessage() != null) {
                part.append(": ").append(cause.getMessage());
            }
            parts.add(part.toString());
        }
        return String.join(" < ", parts);
    }

    private static boolean meansOutage(Throwable cause) {
        return cause instanceof EventStoreException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLException sql
                        && (isConnectionState(sql.getSQLState()) || isPoolsBrokenConnection(sql))
                || cause instanceof MongoTimeoutException
                || cause instanceof MongoSocketException;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }

    /**
     * Once a statement fails with a connection SQLSTATE, HikariCP takes the connection out of the pool and answers
     * every later call on it with an SQLException that has no SQLSTATE. The first failure may have been caught along
     * the way (Axon logs a failed snapshot read and goes on to read the events), so the request sees only this one.
     */
    private static boolean isPoolsBrokenConnection(SQLException sql) {
        StackTraceElement[] thrownAt = sql.getStackTrace();
        return sql.getSQLState() == null
                && thrownAt.length > 0
                && thrownAt[0].getClassName().startsWith(HIKARI_PACKAGE);
    }

    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
