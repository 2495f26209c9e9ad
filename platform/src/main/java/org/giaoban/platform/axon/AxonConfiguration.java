package org.giaoban.platform.axon;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.units.UnitCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Axon as every giaoban service runs it, without Axon Server: JSON serialisation, tracking tokens and sagas in the
 * service's MongoDB database, pooled streaming processors that start from the beginning of the event store, queries
 * outside any database transaction, and the request metadata carried from each command onto the events it causes.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
public class AxonConfiguration {

    /** Static: it changes bean definitions before any bean is made. */
    @Bean
    static AggregateEventFiltering aggregateEventFiltering() {
        return new AggregateEventFiltering();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return EventSerialization.serializer();
    }

    @Bean
    public DefaultMongoTemplate axonMongoTemplate(
            MongoClient mongoClient, @Value("${spring.data.mongodb.database}") String database) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongoClient, database)
                .build();
    }

    @Bean
    public TokenStore tokenStore(DefaultMongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    @Bean
    public SagaStore<Object> sagaStore(DefaultMongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /**
     * Axon's query bus as its auto-configuration makes it, but without a transaction around each query: every query
     * reads a MongoDB read model, and a JDBC transaction on the event store's database would make reads fail while
     * that database is away, although nothing they read lives there.
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.instance())
                .errorHandler(axon.getComponent(
                        QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    @Bean
    public CorrelationDataProvider requestMetadataProvider() {
        return new RequestMetadataProvider();
    }

    @Bean
    public RequestMetadataDispatchInterceptor requestMetadataDispatchInterceptor() {
        return new RequestMetadataDispatchInterceptor();
    }

    /** Command handlers take the {@link org.giaoban.platform.access.CommandCaller} instead of the metadata. */
    @Bean
    public ParameterResolverFactory commandCallerResolverFactory(ObjectProvider<UnitWriteAccess> unitWriteAccess) {
        return new CommandCallerResolverFactory(unitWriteAccess::getObject);
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(UnitCatalogue.COMMISSION_ZONE);
    }

    /**
     * Every processor is pooled and, when it has no token yet, starts at the first event: a new read model is built
     * from the whole history. Four segments let two instances share the work without an idle thread per segment.
     *
     * <p>A handler that fails stops its batch: the processor goes back to its last token and tries again later. Axon's
     * default would log the failure and go on, and once the read model's store was back the token would be written past
     * an event that was never applied: a read model that misses a write while MongoDB is away, for good.
     */
    @Autowired
    public void configureProcessors(
            EventProcessingConfigurer processing, @Value("${giaoban.processors.segments:4}") int segments) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) ->
                builder.initialToken(StreamableMessageSource::createTailToken).initialSegmentCount(segments));
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
