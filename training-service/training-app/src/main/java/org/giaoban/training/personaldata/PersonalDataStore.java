package org.giaoban.training.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.giaoban.training.api.contest.ContestEntriesSubmittedEvent;
import org.giaoban.training.api.enrolment.LearnerWithdrawnEvent;
import org.giaoban.training.api.enrolment.LearnersEnrolledEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's side of the master key, checked as the service starts. The first start with personal-data protection
 * stores the key's check value in {@code personal_data_master}; a later start with another key is refused, since
 * it could open no stored name and would mix keys. A store that holds personal data written in clear (events of
 * revision 1 and the lookup tables beside them, from before this protection) is refused too, naming the one-off
 * migration: started once with {@value PersonalDataConfiguration#MIGRATE_PROPERTY}{@code =true}, the service seals
 * those events (rewriting their rows to revision 2) and replaces the ids of the lookup tables by their pseudonyms, in
 * one transaction, before it reads or writes anything else.
 *
 * <p>The migration rewrites event rows, so it must run before a ledger has sealed them: afterwards their hashes would
 * no longer match. On a store whose rows are sealed, the operator keeps the clear store as it is (docs/PRIVACY.md).
 */
class PersonalDataStore {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataStore.class);

    static final List<String> TYPES_WITH_PERSONAL_DATA = List.of(
            LearnersEnrolledEvent.class.getName(),
            LearnerWithdrawnEvent.class.getName(),
            ContestEntriesSubmittedEvent.class.getName());

    private static final String CLEAR_EVENTS =
            " FROM domain_event_entry WHERE payload_revision = '1'" + " AND payload_type IN (?, ?, ?)";
    private static final int PAGE = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MasterKey masterKey;
    private final Pseudonyms pseudonyms;
    private final ObjectMapper events;

    PersonalDataStore(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            MasterKey masterKey,
            PersonKeys keys,
            Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.masterKey = masterKey;
        this.pseudonyms = pseudonyms;
        this.events = PersonalDataConfiguration.personalDataMapper(keys);
    }

    void checkOrMigrate(boolean migrateClearData) {
        List<String> stored =
                jdbc.queryForList("SELECT check_value FROM personal_data_master WHERE id = 1", String.class);
        if (!stored.isEmpty()) {
            if (!stored.get(0).equals(masterKey.checkValue())) {
                throw new IllegalStateException("The personal-data master key is not the one this database was"
                        + " written with (its check value differs): training-service would open no stored name."
                        + " Give it the key it was started with first (" + PersonalDataConfiguration.MASTER_KEY_PROPERTY
                        + ", or the file " + MasterKeyFile.NAME + " of its data directory)");
            }
            return;
        }
        Long clear =
                jdbc.queryForObject("SELECT COUNT(*)" + CLEAR_EVENTS, Long.class, TYPES_WITH_PERSONAL_DATA.toArray());
        if (clear != null && clear > 0 && !migrateClearData) {
            throw new IllegalStateException("This store holds learners' personal data in clear (" + clear
                    + " events written before it was encrypted). Seal it once, before a ledger seals those events:"
                    + " start training-service with --" + PersonalDataConfiguration.MIGRATE_PROPERTY + "=true"
                    + " (docs/PRIVACY.md, \"Migrating a store written in clear\")");
        }
        transactions.executeWithoutResult(status -> {
            if (clear != null && clear > 0) {
                migrate();
            }
            jdbc.update("INSERT INTO personal_data_master (id, check_value) VALUES (1, ?)", masterKey.checkValue());
        });
    }

    private void migrate() {
        long events = sealClearEvents();
        int rosters = pseudonymise("enrolment", "class_id", "learner_id");
        int participants = pseudonymise("contest_participant", "contest_id", "participant_id");
        log.info(
                "Personal data sealed: {} events rewritten to revision 2, {} roster and {} participant rows keyed by"
                        + " pseudonym",
                events,
                rosters,
                participants);
    }

    private long sealClearEvents() {
        long sealed = 0;
        long after = -1;
        while (true) {
            List<Map<String, Object>> page = jdbc.queryForList(
                    "SELECT global_index, payload_type, payload" + CLEAR_EVENTS
                            + " AND global_index > ? ORDER BY global_index LIMIT " + PAGE,
                    TYPES_WITH_PERSONAL_DATA.get(0),
                    TYPES_WITH_PERSONAL_DATA.get(1),
                    TYPES_WITH_PERSONAL_DATA.get(2),
                    after);
            if (page.isEmpty()) {
                return sealed;
            }
            for (Map<String, Object> row : page) {
                after = ((Number) row.get("global_index")).longValue();
                jdbc.update(
                        "UPDATE domain_event_entry SET payload = ?, payload_revision = '2' WHERE global_index = ?",
                        resealed((String) row.get("payload_type"), (String) row.get("payload")),
                        after);
                sealed++;
            }
        }
    }

    private String resealed(String type, String clearPayload) {
        try {
            Object event = events.readValue(clearPayload, Class.forName(type));
            return events.writeValueAsString(event);
        } catch (JsonProcessingException | ClassNotFoundException e) {
            throw new IllegalStateException("An event of type " + type + " cannot be read to be sealed", e);
        }
    }

    private int pseudonymise(String table, String groupColumn, String personColumn) {
        List<String[]> rows = jdbc.query("SELECT " + groupColumn + ", " + personColumn + " FROM " + table, (row, n) ->
                new String[] {row.getString(1), row.getString(2)});
        jdbc.batchUpdate(
                "UPDATE " + table + " SET " + personColumn + " = ? WHERE " + groupColumn + " = ? AND " + personColumn
                        + " = ?",
                rows,
                PersonKeys.CHUNK,
                (statement, row) -> {
                    statement.setString(1, pseudonyms.of(row[1]));
                    statement.setString(2, row[0]);
                    statement.setString(3, row[1]);
                });
        return rows.size();
    }
}
