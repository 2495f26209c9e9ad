package org.giaoban.reporting;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.giaoban.platform.axon.DurableReadsEventStorageEngine;
import org.giaoban.platform.axon.EventSerialization;
import org.giaoban.platform.axon.EventStoreConfiguration;
import org.giaoban.platform.jdbc.H2EventFile;

/**
 * Writes events into a service's event store as the service would (its tables, its serialisation, personal fields
 * sealed as training-service seals them: {@link TrainingStoredForm}), at instants the test chooses, so that a report "as recorded at" can be checked against a history whose dates are known.
 */
final class EventStoreWriter implements AutoCloseable {

    private final HikariDataSource dataSource = new HikariDataSource();
    private final JdbcEventStorageEngine engine;
    private final Map<String, Long> sequences = new HashMap<>();
    private final H2EventFile served;

    EventStoreWriter(String url, String user, String password) {
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform/" + vendor)
                .load()
                .migrate();
        engine = new DurableReadsEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(dataSource::getConnection))
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(EventSerialization.serializer())
                .eventSerializer(TrainingStoredForm.serializer())
                .schema(EventStoreConfiguration.EVENT_SCHEMA)
                .dataType(String.class));
        served = H2EventFile.isFileUrl(url) ? serve(url) : null;
    }

    /** As the service that owns an embedded store does: durable commits, and the file served to its readers. */
    private H2EventFile serve(String url) {
        try (var connection = dataSource.getConnection();
                var settings = connection.createStatement()) {
            settings.execute("SET WRITE_DELAY 0");
            return H2EventFile.serve(H2EventFile.databaseOf(url), connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next event of an aggregate, recorded at {@code at}. */
    void append(String aggregateType, UUID aggregateId, Object payload, Instant at) {
        append(aggregateType, aggregateId.toString(), payload, at);
    }

    void append(String aggregateType, String aggregateId, Object payload, Instant at) {
        append(aggregateType, aggregateId, payload, at, Map.of());
    }

    /** The next event of an aggregate, recorded at {@code at} with the metadata a request to the service gives it. */
    void append(String aggregateType, String aggregateId, Object payload, Instant at, Map<String, ?> metadata) {
        long sequence = sequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                aggregateType,
                aggregateId,
                sequence,
                payload,
                MetaData.from(metadata),
                UUID.randomUUID().toString(),
                at)));
    }

    /** An event of no aggregate (as contest entries are), recorded at {@code at}. */
    void publish(Object payload, Instant at) {
        engine.appendEvents(List.of(
                new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(), at)));
    }

    /** The store's connections, as its service holds them: to seal its ledger, or to tamper with it. */
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (served != null) {
            served.close();
        }
        dataSource.close();
    }
}
