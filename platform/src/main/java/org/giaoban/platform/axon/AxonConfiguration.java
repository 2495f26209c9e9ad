package org.giaoban.platform.axon;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.time.ZoneId;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Axon as every giaoban service runs it, without Axon Server: JSON serialisation, tracking tokens and sagas in the
 * service's MongoDB database, pooled streaming processors that start from the beginning of the event store, and the
 * request metadata carried from each command onto the events it causes.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
public class AxonConfiguration {

    /** Vietnamese dates: "today" and "not in the future" are judged in Hanoi, whatever the server's zone. */
    public static final ZoneId COMMISSION_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

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

    @Bean
    public CorrelationDataProvider requestMetadataProvider() {
        return new RequestMetadataProvider();
    }

    @Bean
    public RequestMetadataDispatchInterceptor requestMetadataDispatchInterceptor() {
        return new RequestMetadataDispatchInterceptor();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(COMMISSION_ZONE);
    }

    /**
     * Every processor is pooled and, when it has no token yet, starts at the first event: a new read model is built
     * from the whole history. Four segments let two instances share the work without an idle thread per segment.
     */
    @Autowired
    public void configureProcessors(
            EventProcessingConfigurer processing, @Value("${giaoban.processors.segments:4}") int segments) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) ->
                builder.initialToken(StreamableMessageSource::createTailToken).initialSegmentCount(segments));
    }
}
