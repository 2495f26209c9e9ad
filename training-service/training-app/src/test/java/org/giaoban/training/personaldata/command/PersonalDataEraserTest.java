package org.giaoban.training.personaldata.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.flywaydb.core.Flyway;
import org.giaoban.identity.Caller;
import org.giaoban.platform.access.CallerMetadata;
import org.giaoban.platform.access.CommandCaller;
import org.giaoban.platform.access.UnitWriteAccess;
import org.giaoban.platform.problem.NotAllowedException;
import org.giaoban.platform.problem.ResourceNotFoundException;
import org.giaoban.platform.testing.TestCallers;
import org.giaoban.platform.web.IdempotencyRecords;
import org.giaoban.training.api.personaldata.ErasePersonalDataCommand;
import org.giaoban.training.api.personaldata.PersonalDataErasedEvent;
import org.giaoban.training.personaldata.MasterKey;
import org.giaoban.training.personaldata.PersonKeys;
import org.giaoban.training.personaldata.Pseudonyms;
import org.giaoban.units.UnitCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The eraser on an H2 database with the service's migrations, its published events recorded. */
class PersonalDataEraserTest {

    static final MasterKey MASTER_KEY = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    static final Pseudonyms PSEUDONYMS = new Pseudonyms(MASTER_KEY);
    static final String HA_ID = "079301000123";
    static final UUID ERASURE = UUID.fromString("e7a5e000-0000-4000-8000-000000000001");

    JdbcTemplate jdbc;
    PersonKeys keys;
    PersonalDataEraser eraser;
    final List<EventMessage<?>> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:eraser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/platform/h2", "classpath:db/migration/training/h2")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        keys = new PersonKeys(jdbc, MASTER_KEY, PSEUDONYMS);
        SimpleEventBus eventBus = SimpleEventBus.builder().build();
        eventBus.subscribe(published::addAll);
        eraser = new PersonalDataEraser(keys, PSEUDONYMS, jdbc, new IdempotencyRecords(jdbc), eventBus);
        keys.obtain(List.of(HA_ID));
        jdbc.update(
                "INSERT INTO enrolment (class_id, learner_id, unit_id) VALUES ('c-1', ?, 'HN-HOANKIEM')",
                PSEUDONYMS.of(HA_ID));
        jdbc.update(
                "INSERT INTO contest_participant (contest_id, participant_id) VALUES ('k-1', ?)", PSEUDONYMS.of(HA_ID));
    }

    @Test
    void anErasureDeletesTheKeyAndTheLookupRowsAndRecordsTheErasureOnly() {
        eraser.handle(new ErasePersonalDataCommand(ERASURE, HA_ID), callerOf(TestCallers.ADMIN));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enrolment", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contest_participant", Long.class))
                .isZero();
        assertThat(published.stream().map(message -> (Object) message.getPayload()))
                .containsExactly(new PersonalDataErasedEvent(ERASURE));
    }

    @Test
    void anOfficerOrAViewerIsRefusedAndNothingChanges() {
        for (Caller caller : List.of(TestCallers.officerOf("HN"), TestCallers.viewer())) {
            assertThatThrownBy(() -> eraser.handle(new ErasePersonalDataCommand(ERASURE, HA_ID), callerOf(caller)))
                    .isInstanceOf(NotAllowedException.class);
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enrolment", Long.class))
                .isEqualTo(1);
        assertThat(published).isEmpty();
    }

    @Test
    void aPersonWithoutAKeyIsNotFoundAndTheAnswerDoesNotNameThem() {
        assertThatThrownBy(() -> eraser.handle(
                        new ErasePersonalDataCommand(ERASURE, "079399999999"), callerOf(TestCallers.ADMIN)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageNotContaining("079399999999");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class))
                .isEqualTo(1);
        assertThat(published).isEmpty();
    }

    private static CommandCaller callerOf(Caller caller) {
        return CommandCaller.from(CallerMetadata.of(caller), new UnitWriteAccess(UnitCatalogue.hanoi()));
    }
}
