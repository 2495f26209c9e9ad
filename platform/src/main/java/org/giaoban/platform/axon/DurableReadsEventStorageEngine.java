package org.giaoban.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.giaoban.platform.jdbc.H2EventFile;

/**
 * Axon's JDBC storage engine, except that a processor is never handed an event that a crash could still take back.
 *
 * <p>PostgreSQL makes a commit durable (its WAL flushed) before other transactions can see it. H2 does it the other
 * way round: a committed transaction is visible at once and reaches the file a moment later, even with its write delay
 * at zero. A read model, or reporting-service reading the store from another process, could then count an event
 * that a {@code kill -9} in that moment erases. So on H2 every batch of events read for a processor is followed by a
 * {@code CHECKPOINT}, which returns once everything committed before it is in the file, and only then handed over.
 * When the events are already in the file (the usual case) a checkpoint costs a fraction of a millisecond. A reader
 * in another process, which may not run a checkpoint, asks the owner's process for one ({@link H2EventFile#makeDurable}).
 */
public class DurableReadsEventStorageEngine extends JdbcEventStorageEngine {

    private volatile Boolean durableOnCommit;

    public DurableReadsEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> events = super.fetchTrackedEvents(lastToken, batchSize);
        if (!events.isEmpty()) {
            awaitDurable();
        }
        return events;
    }

    private void awaitDurable() {
        try (Connection connection = getConnection()) {
            if (durableOnCommit == null) {
                durableOnCommit =
                        !connection.getMetaData().getDatabaseProductName().equals("H2");
            }
            if (!durableOnCommit) {
                boolean reader = H2EventFile.READER.equalsIgnoreCase(
                        connection.getMetaData().getUserName());
                try (Statement checkpoint = connection.createStatement()) {
                    checkpoint.execute(reader ? "CALL " + H2EventFile.MAKE_DURABLE + "()" : "CHECKPOINT");
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("Cannot make sure the events read are on disk", e);
        }
    }
}
