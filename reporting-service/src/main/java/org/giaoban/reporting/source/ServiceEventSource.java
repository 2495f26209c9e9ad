package org.giaoban.reporting.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.giaoban.platform.axon.DurableReadsEventStorageEngine;
import org.giaoban.platform.axon.EventSerialization;
import org.giaoban.platform.axon.EventStoreConfiguration;
import org.giaoban.platform.jdbc.H2EventFile;

/**
 * The event store of one service, opened read-only: a stream for the processors that follow it, a plain read from
 * any position for rebuilds and reports "as recorded at", and its head.
 */
public final class ServiceEventSource implements AutoCloseable {

    /**
     * Rows fetched per query. One event of contest entries holds up to 10,000 entries (about 1 MB of JSON), so a
     * batch of Axon's default 100 rows could hold 100 MB.
     */
    private static final int ROWS_PER_FETCH = 25;

    /**
     * How long the stream waits before it looks for new events again once it has read them all. The events are
     * written by another process, so no notification comes; Axon's default of a second would be most of the lag.
     */
    private static final long POLL_MILLIS = 100;

    private final String service;
    private final HikariDataSource dataSource;
    private final JdbcEventStorageEngine storageEngine;
    private final EmbeddedEventStore stream;

    public ServiceEventSource(String service, EventSourceProperties.Connection connection) {
        this.service = service;
        this.dataSource = dataSource(service, connection);
        this.storageEngine = storageEngineOn(dataSource, ROWS_PER_FETCH);
        this.stream = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .cachedEvents(ROWS_PER_FETCH)
                .fetchDelay(POLL_MILLIS)
                .build();
    }

    /** Axon's JDBC engine over a service's event tables, as the platform lays them out, outside any transaction. */
    public static JdbcEventStorageEngine storageEngineOn(DataSource dataSource, int rowsPerFetch) {
        return new DurableReadsEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(dataSource::getConnection))
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(EventSerialization.serializer())
                .eventSerializer(EventSerialization.serializer())
                .schema(EventStoreConfiguration.EVENT_SCHEMA)
                .dataType(String.class)
                .batchSize(rowsPerFetch));
    }

    private static HikariDataSource dataSource(String service, EventSourceProperties.Connection connection) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(service + "-events");
        if (H2EventFile.isFileUrl(connection.url())) {
            // An embedded store is opened by the service that owns it alone; it serves it to this process, with a
            // login of its own that may only read.
            config.setDataSource(H2EventFile.servedBy(connection.url()));
            config.setExceptionOverride(H2EventFile.evictConnectionsToAGoneOwner());
        } else {
            config.setJdbcUrl(connection.url());
            config.setUsername(connection.username());
            config.setPassword(connection.password() == null ? "" : connection.password());
        }
        config.setReadOnly(true);
        config.setMaximumPoolSize(4);
        // While a store is away, a read fails in seconds and the processor tries again later, rather than holding a
        // thread for Hikari's default of 30 s.
        config.setConnectionTimeout(Duration.ofSeconds(3).toMillis());
        // The service may start after reporting-service: the processors retry until its store is there.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** The service's name, as reports and operations show it: {@code tasks} or {@code training}. */
    public String service() {
        return service;
    }

    /** What the processors that follow this service read. */
    public StreamableMessageSource<TrackedEventMessage<?>> messageSource() {
        return stream;
    }

    /** The events after {@code token} ({@code null}: from the first), in the order of the store, without waiting. */
    public Stream<? extends TrackedEventMessage<?>> readAfter(TrackingToken token) {
        return storageEngine.readEvents(token, false);
    }

    /**
     * The store's connections, read-only, for reads Axon's engine does not make: the auditors' export of the rows as
     * stored and the ledger's tables beside them.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The position of the last event in the store, or -1 when it has none. */
    public long head() {
        TrackingToken head = storageEngine.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    @Override
    public void close() {
        stream.shutDown();
        dataSource.close();
    }
}
