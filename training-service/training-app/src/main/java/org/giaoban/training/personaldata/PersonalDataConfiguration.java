package org.giaoban.training.personaldata;

import java.nio.file.Path;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.giaoban.platform.axon.EventSerialization;
import org.giaoban.platform.jdbc.H2EventFile;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The master key and the event serializer of training-service. The master key is {@value #MASTER_KEY_PROPERTY}
 * (environment {@code GIAOBAN_PERSONAL_DATA_MASTER_KEY}); on the embedded H2 store without it, the key file of the
 * data directory ({@link MasterKeyFile}); on any other database without it, the service does not start. Before the
 * serializer is made, {@link PersonalDataStore} checks the key against the database and refuses a store written in
 * clear: nothing is read or written with a wrong key or beside clear data.
 */
@Configuration
class PersonalDataConfiguration {

    static final String MASTER_KEY_PROPERTY = "giaoban.personal-data.master-key";
    static final String MIGRATE_PROPERTY = "giaoban.personal-data.migrate-clear-data";

    @Bean
    MasterKey personalDataMasterKey(
            @Value("${" + MASTER_KEY_PROPERTY + ":}") String configured,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${giaoban.data-dir:./data}") Path dataDir,
            @Value("${spring.application.name}") String serviceName) {
        if (!configured.isBlank()) {
            try {
                return MasterKey.fromBase64(configured);
            } catch (IllegalArgumentException malformed) {
                throw new IllegalStateException(MASTER_KEY_PROPERTY + " is unusable: " + malformed.getMessage());
            }
        }
        if (H2EventFile.isFileUrl(datasourceUrl)) {
            return MasterKeyFile.readOrMake(dataDir.resolve(serviceName));
        }
        throw new IllegalStateException("training-service keeps learners' personal data encrypted and needs a master"
                + " key outside its database: set " + MASTER_KEY_PROPERTY
                + " (GIAOBAN_PERSONAL_DATA_MASTER_KEY) to 32 random bytes in Base64 (openssl rand -base64 32),"
                + " and keep it as safely as the database's backups (docs/PRIVACY.md)");
    }

    @Bean
    PersonalDataStore personalDataStore(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            MasterKey masterKey,
            PersonKeys keys,
            Pseudonyms pseudonyms,
            @Value("${" + MIGRATE_PROPERTY + ":false}") boolean migrateClearData) {
        PersonalDataStore store = new PersonalDataStore(jdbc, transactions, masterKey, keys, pseudonyms);
        store.checkOrMigrate(migrateClearData);
        return store;
    }

    /** Axon's event serializer: the platform's JSON form, with personal fields sealed per person. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonKeys keys, PersonalDataStore checkedStore) {
        return JacksonSerializer.builder()
                .objectMapper(personalDataMapper(keys))
                .build();
    }

    static com.fasterxml.jackson.databind.ObjectMapper personalDataMapper(PersonKeys keys) {
        return EventSerialization.objectMapper().registerModule(new PersonalDataModule(keys));
    }
}
