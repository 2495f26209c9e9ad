package org.giaoban.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.giaoban.platform.jdbc.H2EventFile;
import org.giaoban.platform.jdbc.UniqueKeyViolations;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC storage engine on the service's own database: PostgreSQL in production, an H2 file when no datasource
 * is configured. Payload and metadata are stored as JSON text, so an auditor can read the store with plain SQL. The
 * tables come from the platform's Flyway migrations, not from Axon. A service without a database of its own (reporting,
 * which only reads the others' stores) has no event store.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = JdbcAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class EventStoreConfiguration {

    /** Axon's tables with snake_case names, as in the platform's migrations and as an auditor would query them. */
    public static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /**
     * Axon's event store as its auto-configuration makes it, but with a small cache of recent events. The processors
     * that follow the head share that cache, and each event in it keeps its payload once a processor has read it;
     * Axon keeps 10,000 events by default, whatever their size. One event of contest entries holds up to 10,000
     * entries (about 2.5 MB on the heap), so the default would keep millions of entries in memory for as long as the
     * service runs. A processor further behind than the cache reads from the store on its own until it catches up.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            @Value("${giaoban.event-store.cached-events:32}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueKeyViolations();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return new DurableReadsEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EVENT_SCHEMA)
                .dataType(String.class));
    }

    /**
     * The embedded event store: its commits reach the file before they are acknowledged (H2 otherwise writes them up
     * to half a second later, and a {@code kill -9} loses what the API had already confirmed), and it is served to
     * the processes that read it (see {@link H2EventFile}). It must be opened through H2's async file system, so that
     * an interrupted thread does not close it for all ({@link H2EventFile#requireInterruptSafe}).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    public H2EventFile embeddedEventFile(DataSource dataSource, @Value("${spring.datasource.url}") String url) {
        H2EventFile.requireInterruptSafe(url);
        try (Connection connection = dataSource.getConnection();
                Statement settings = connection.createStatement()) {
            settings.execute("SET WRITE_DELAY 0");
            // H2 keeps a database open while a connection to it is: the pool's own keeps it open from here on.
            return H2EventFile.serve(H2EventFile.databaseOf(url), connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the embedded event store " + url, e);
        }
    }
}
