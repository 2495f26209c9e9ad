package org.giaoban.training.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.contest.ContestEntry;
import org.giaoban.training.api.enrolment.Learner;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start of training-service against its database's personal data, on H2 with the service's migrations: the
 * master key is checked, a store written in clear is refused with the command that seals it, and that command seals
 * its events and pseudonymises its lookup tables.
 */
class PersonalDataStoreTest {

    static final MasterKey MASTER_KEY = PersonalDataModuleTest.MASTER_KEY;
    static final MasterKey ANOTHER_KEY = MasterKey.fromBase64("ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=");
    static final UUID CLASS_ID = PersonalDataModuleTest.CLASS_ID;
    static final String HA_ID = "079301000123";
    static final String HA_NAME = "Nguyễn Thị Hà";
    static final String CLEAR_ENROLMENT = "{\"classId\":\"" + CLASS_ID + "\",\"learners\":[{\"learnerId\":\"" + HA_ID
            + "\",\"fullName\":\"" + HA_NAME + "\",\"unitId\":\"HN-HOANKIEM\"}]}";
    static final UUID CONTEST_ID = PersonalDataModuleTest.CONTEST_ID;
    static final String CLEAR_ENTRIES = "{\"contestId\":\"" + CONTEST_ID + "\",\"entries\":[{\"participantId\":\""
            + HA_ID + "\",\"unitId\":\"HN-PHUCTHO\",\"submittedAt\":\"2022-08-02T03:00:00Z\",\"score\":87}],"
            + "\"newParticipants\":1}";

    DriverManagerDataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:personal-data-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform/h2", "classpath:db/migration/training/h2")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aNewStoreKeepsTheCheckOfItsMasterKeyAndRefusesAnother() {
        storeWith(MASTER_KEY).checkOrMigrate(false);
        storeWith(MASTER_KEY).checkOrMigrate(false);

        assertThatThrownBy(() -> storeWith(ANOTHER_KEY).checkOrMigrate(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master key is not the one this database was written with");
        assertThat(jdbc.queryForList("SELECT check_value FROM personal_data_master", String.class))
                .containsExactly(MASTER_KEY.checkValue());
    }

    @Test
    void aStoreWrittenInClearIsRefusedWithTheCommandThatSealsItAndIsLeftAsItWas() {
        writeClearStore();

        assertThatThrownBy(() -> storeWith(MASTER_KEY).checkOrMigrate(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 events")
                .hasMessageContaining("--giaoban.personal-data.migrate-clear-data=true")
                .hasMessageNotContaining(HA_ID);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_master", Long.class))
                .isZero();
        assertThat(jdbc.queryForList("SELECT payload FROM domain_event_entry ORDER BY global_index", String.class))
                .containsExactly(CLEAR_ENROLMENT, CLEAR_ENTRIES);
    }

    @Test
    void theMigrationSealsTheEventsAndKeysTheLookupTablesByPseudonym() {
        writeClearStore();

        storeWith(MASTER_KEY).checkOrMigrate(true);

        Pseudonyms pseudonyms = new Pseudonyms(MASTER_KEY);
        assertThat(jdbc.queryForList("SELECT payload_revision FROM domain_event_entry", String.class))
                .containsExactly("2", "2");
        String events = String.join("\n", jdbc.queryForList("SELECT payload FROM domain_event_entry", String.class));
        assertThat(events).doesNotContain(HA_ID, HA_NAME).contains("\"unitId\":\"HN-HOANKIEM\"");
        assertThat(jdbc.queryForList("SELECT learner_id FROM enrolment", String.class))
                .containsExactly(pseudonyms.of(HA_ID));
        assertThat(jdbc.queryForList("SELECT participant_id FROM contest_participant", String.class))
                .containsExactly(pseudonyms.of(HA_ID));
        assertThat(jdbc.queryForList("SELECT check_value FROM personal_data_master", String.class))
                .containsExactly(MASTER_KEY.checkValue());

        JacksonSerializer service = JacksonSerializer.builder()
                .objectMapper(PersonalDataConfiguration.personalDataMapper(
                        new PersonKeys(jdbc, MASTER_KEY, new Pseudonyms(MASTER_KEY))))
                .build();
        List<String> payloads =
                jdbc.queryForList("SELECT payload FROM domain_event_entry ORDER BY global_index", String.class);
        assertThat((Object) service.deserialize(sealed(payloads.get(0), LearnersEnrolledEvent.class)))
                .isEqualTo(new LearnersEnrolledEvent(CLASS_ID, List.of(new Learner(HA_ID, HA_NAME, "HN-HOANKIEM"))));
        assertThat((Object) service.deserialize(sealed(payloads.get(1), ContestEntriesSubmittedEvent.class)))
                .isEqualTo(new ContestEntriesSubmittedEvent(
                        CONTEST_ID,
                        List.of(new ContestEntry(
                                HA_ID, "HN-PHUCTHO", java.time.Instant.parse("2022-08-02T03:00:00Z"), 87)),
                        1));

        storeWith(MASTER_KEY).checkOrMigrate(false);
    }

    @Test
    void withoutAMasterKeyOnPostgresqlTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new PersonalDataConfiguration()
                        .personalDataMasterKey(
                                "",
                                "jdbc:postgresql://db/giaoban_training",
                                java.nio.file.Path.of("."),
                                "training-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PersonalDataConfiguration.MASTER_KEY_PROPERTY)
                .hasMessageContaining("GIAOBAN_PERSONAL_DATA_MASTER_KEY");
        assertThatThrownBy(() -> new PersonalDataConfiguration()
                        .personalDataMasterKey(
                                "c2hvcnQ=", "jdbc:postgresql://db/giaoban_training", java.nio.file.Path.of("."), "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    private static SimpleSerializedObject<String> sealed(String payload, Class<?> type) {
        return new SimpleSerializedObject<>(payload, String.class, new SimpleSerializedType(type.getName(), "2"));
    }

    private PersonalDataStore storeWith(MasterKey masterKey) {
        Pseudonyms pseudonyms = new Pseudonyms(masterKey);
        return new PersonalDataStore(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                masterKey,
                new PersonKeys(jdbc, masterKey, pseudonyms),
                pseudonyms);
    }

    private void writeClearStore() {
        String insert = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, ?, ?, '2022-08-02T03:00:00Z', ?, '1', ?, '{}')";
        jdbc.update(
                insert,
                UUID.randomUUID().toString(),
                CLASS_ID.toString(),
                1,
                "TrainingClass",
                LearnersEnrolledEvent.class.getName(),
                CLEAR_ENROLMENT);
        String entriesEventId = UUID.randomUUID().toString();
        jdbc.update(
                insert,
                entriesEventId,
                entriesEventId,
                0,
                null,
                ContestEntriesSubmittedEvent.class.getName(),
                CLEAR_ENTRIES);
        jdbc.update(
                "INSERT INTO enrolment (class_id, learner_id, unit_id) VALUES (?, ?, 'HN-HOANKIEM')",
                CLASS_ID.toString(),
                HA_ID);
        jdbc.update(
                "INSERT INTO contest_participant (contest_id, participant_id) VALUES (?, ?)",
                CONTEST_ID.toString(),
                HA_ID);
    }
}
