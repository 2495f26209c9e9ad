package org.giaoban.platform.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.giaoban.platform.mongo.MongoStoreConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A MongoDB for projection tests: the embedded server the services use, in memory, reached over the wire protocol by
 * a {@link MongoTemplate} with the platform's conversions, so that queries and conditional updates behave as in the
 * service.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "projection-test");
        MongoCustomConversions conversions = new MongoStoreConfiguration().mongoCustomConversions();
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mapping.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mapping);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        template = new MongoTemplate(factory, converter);
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
