package org.giaoban.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * The MongoDB that holds read models, tracking tokens and sagas: the one at {@code giaoban.mongo.uri}, or, when none is
 * configured, an in-process {@code mongo-java-server} on loopback whose data lives in an H2 file under
 * {@code giaoban.data-dir}, so that it survives a restart. The embedded server has no transactions and scans for
 * anything but a unique key, which is why every read model is keyed by {@code _id} and every projection idempotent.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
public class MongoStoreConfiguration {

    public static final String URI_PROPERTY = "giaoban.mongo.uri";

    private static final Logger log = LoggerFactory.getLogger(MongoStoreConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    @Conditional(EmbeddedMongoCondition.class)
    public MongoServer embeddedMongoServer(
            @Value("${giaoban.data-dir:./data}") Path dataDir,
            @Value("${spring.application.name:giaoban}") String serviceName) {
        Path file = dataDir.resolve(serviceName).resolve("readmodels.mv");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB (mongo-java-server, H2 file {}) listening on {}", file, server.getLocalAddress());
        return server;
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMongoCondition.class)
    public MongoClient embeddedMongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    /**
     * The configured MongoDB, with time limits so that a read fails within about two seconds when no server can be
     * reached, instead of the driver's 30 s of server selection and 10 s per connection attempt. The URI's own
     * {@code serverSelectionTimeoutMS} and {@code connectTimeoutMS} win.
     */
    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMongoCondition.Configured.class)
    public MongoClient mongoClient(@Value("${" + URI_PROPERTY + "}") String uri) {
        return MongoClients.create(settingsFor(new ConnectionString(uri)));
    }

    static MongoClientSettings settingsFor(ConnectionString uri) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(uri);
        if (uri.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS));
        }
        if (uri.getConnectTimeout() == null) {
            settings.applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS));
        }
        if (uri.getWriteConcern() == null) {
            // A processor writes its read model, then its token: acknowledged only once journaled on a majority, a
            // failover cannot keep the token and roll back what it stands for.
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return settings.build();
    }

    /**
     * MongoDB's health by {@code ping}, which the embedded server understands too (Boot's own indicator sends
     * {@code hello}, which it does not).
     */
    @Bean
    public HealthIndicator mongoHealthIndicator(
            MongoClient mongoClient, @Value("${spring.data.mongodb.database}") String database) {
        return () -> {
            try {
                mongoClient.getDatabase(database).runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", database).build();
            } catch (RuntimeException unreachable) {
                return Health.down(unreachable).build();
            }
        };
    }

    /** Dates as ISO strings: they sort and compare as dates, and no time zone ever shifts them. */
    @Bean
    public MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new LocalDateToString(), new StringToLocalDate()));
    }

    @WritingConverter
    static final class LocalDateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate date) {
            return date.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String iso) {
            return LocalDate.parse(iso);
        }
    }
}
