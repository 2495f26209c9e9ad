package org.giaoban.platform.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.giaoban.platform.axon.EventStoreConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The ledger in every service that has an event store of its own (tasks-service, training-service), with no code of
 * theirs; reporting-service, which only reads the others' stores, has none and seals nothing.
 *
 * <p>Settings, under {@code giaoban.ledger}: {@code enabled} (true); {@code service}, the name in every leaf and head
 * (the application's name without {@code -service}); {@code signing-key}, a PKCS#8 PEM text or the path of a PEM
 * file (when empty, {@code <data-dir>/<application>/ledger-signing-key.pem}, created with permissions 0600 on first
 * start); {@code signing-interval} (2 s) between signed heads while leaves arrive; {@code poll-interval} (200 ms)
 * between rounds of the sealer; {@code rows-per-round} (2,000); {@code gap-grace} (1 s, PostgreSQL) and
 * {@code embedded-gap-timeout} (10 s, H2): see {@link SealingGaps}. Several instances of a service must share one key
 * through {@code signing-key}: each instance's own file would replace the other's key at every start.
 */
@AutoConfiguration(after = {EventStoreConfiguration.class, FlywayAutoConfiguration.class})
@ConditionalOnBean({EventStorageEngine.class, DataSource.class})
@ConditionalOnProperty(name = "giaoban.ledger.enabled", havingValue = "true", matchIfMissing = true)
public class LedgerConfiguration {

    @Bean
    public LedgerStore ledgerStore(DataSource dataSource) {
        return new LedgerStore(dataSource);
    }

    @Bean
    public LedgerSigningKey ledgerSigningKey(
            @Value("${giaoban.ledger.signing-key:}") String signingKey,
            @Value("${giaoban.data-dir:./data}") String dataDirectory,
            @Value("${spring.application.name:service}") String application) {
        if (signingKey.isBlank()) {
            return LedgerSigningKey.readOrCreateFile(Path.of(dataDirectory, application, "ledger-signing-key.pem"));
        }
        if (signingKey.strip().startsWith("-----BEGIN")) {
            return LedgerSigningKey.fromPem(signingKey);
        }
        return LedgerSigningKey.readFile(Path.of(signingKey.strip()));
    }

    @Bean
    public LedgerSealer ledgerSealer(
            DataSource dataSource,
            LedgerSigningKey key,
            @Value("${spring.datasource.url:}") String url,
            @Value("${giaoban.ledger.service:}") String service,
            @Value("${spring.application.name:service}") String application,
            @Value("${giaoban.ledger.poll-interval:200ms}") Duration pollInterval,
            @Value("${giaoban.ledger.signing-interval:2s}") Duration signingInterval,
            @Value("${giaoban.ledger.rows-per-round:2000}") int rowsPerRound,
            @Value("${giaoban.ledger.gap-grace:1s}") Duration gapGrace,
            @Value("${giaoban.ledger.embedded-gap-timeout:10s}") Duration embeddedGapTimeout) {
        SealingGaps gaps = url.startsWith("jdbc:postgresql:")
                ? SealingGaps.postgres(gapGrace)
                : SealingGaps.timed(embeddedGapTimeout);
        return new LedgerSealer(
                dataSource,
                service.isBlank() ? serviceOf(application) : service,
                key,
                gaps,
                new LedgerSealer.Settings(pollInterval, signingInterval, rowsPerRound),
                Clock.systemUTC());
    }

    /** {@code tasks-service} seals as {@code tasks}, the name the API's {@code service} parameter uses. */
    static String serviceOf(String application) {
        return application.endsWith("-service")
                ? application.substring(0, application.length() - "-service".length())
                : application;
    }
}
