package org.giaoban.training.personaldata;

import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The data key of each person, in {@code personal_data_key} of the service's own database: found by the person's
 * pseudonym when their data is written and by a random key id (the only reference events carry) when it is read.
 * The key material is stored wrapped by the {@link MasterKey}. Keys are looked up a thousand at a time by joining the
 * wanted ones (an array parameter) to the table's key, and the missing ones are inserted in one JDBC batch, in the
 * transaction of the caller: a key and the event sealed with it commit together or not at all. Inserts go in the order
 * of the pseudonyms, so concurrent commands meeting the same new people queue behind each other instead of
 * deadlocking.
 *
 * <p>Erasing a person deletes their row: what was sealed with their key can no more be opened, and no row links
 * their pseudonym to the key id their events carry.
 */
@Component
public class PersonKeys {

    static final int CHUNK = 1_000;

    private static final String BY_PSEUDONYM = "SELECT known.pseudonym, known.key_id, known.wrapped_key"
            + " FROM UNNEST(?) AS wanted(pseudonym)"
            + " JOIN personal_data_key known ON known.pseudonym = wanted.pseudonym";
    private static final String BY_KEY_ID = "SELECT known.key_id, known.wrapped_key"
            + " FROM UNNEST(?) AS wanted(key_id)"
            + " JOIN personal_data_key known ON known.key_id = wanted.key_id";
    private static final String INSERT =
            "INSERT INTO personal_data_key (pseudonym, key_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)";

    /** A person's key and the id that events name it by. */
    public record PersonKey(String keyId, SecretKey key) {}

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;
    private final Pseudonyms pseudonyms;
    private volatile String insertIfAbsent;

    public PersonKeys(JdbcTemplate jdbc, MasterKey masterKey, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.pseudonyms = pseudonyms;
    }

    /** The key of each person, made for those who have none yet; by person id. */
    public Map<String, PersonKey> obtain(Collection<String> personIds) {
        Map<String, String> pseudonymOf = new LinkedHashMap<>();
        for (String personId : new LinkedHashSet<>(personIds)) {
            pseudonymOf.put(personId, pseudonyms.of(personId));
        }
        Map<String, PersonKey> byPseudonym = findByPseudonym(pseudonymOf.values());
        List<String[]> fresh = new ArrayList<>();
        for (String pseudonym : pseudonymOf.values()) {
            if (!byPseudonym.containsKey(pseudonym)) {
                String keyId = UUID.randomUUID().toString();
                String wrapped = Seals.seal(
                        masterKey.wrappingKey(), keyId, Seals.newDataKey().getEncoded());
                fresh.add(new String[] {pseudonym, keyId, wrapped});
            }
        }
        if (!fresh.isEmpty()) {
            // Every transaction inserts its new keys in the order of their pseudonyms, so two that meet the same new
            // people wait for each other at most once and never each for a row the other holds: no deadlock.
            fresh.sort(Comparator.comparing(row -> row[0]));
            Timestamp now = Timestamp.from(Instant.now());
            try {
                jdbc.batchUpdate(insertIfAbsent(), fresh, CHUNK, (statement, row) -> {
                    statement.setString(1, row[0]);
                    statement.setString(2, row[1]);
                    statement.setString(3, row[2]);
                    statement.setTimestamp(4, now);
                });
            } catch (DuplicateKeyException madeMeanwhile) {
                // H2 only (PostgreSQL skips them): a failed statement leaves its transaction usable, so the keys are
                // inserted one by one, and each one another transaction has made meanwhile is left to it.
                for (String[] row : fresh) {
                    try {
                        jdbc.update(INSERT, row[0], row[1], row[2], now);
                    } catch (DuplicateKeyException alreadyThere) {
                        // the stored key is read below
                    }
                }
            }
            // A concurrent command may have made a key for the same person first: the stored key is the one to use.
            byPseudonym.putAll(findByPseudonym(fresh.stream().map(row -> row[0]).toList()));
        }
        Map<String, PersonKey> byPerson = new HashMap<>();
        pseudonymOf.forEach((personId, pseudonym) -> byPerson.put(personId, byPseudonym.get(pseudonym)));
        return byPerson;
    }

    /** The keys that still exist among {@code keyIds}, by key id; an erased person's is absent. */
    public Map<String, SecretKey> find(Collection<String> keyIds) {
        Map<String, SecretKey> found = new HashMap<>();
        List<String> wanted = List.copyOf(new LinkedHashSet<>(keyIds));
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(from + CHUNK, wanted.size()));
            jdbc.query(
                    connection -> {
                        PreparedStatement lookup = connection.prepareStatement(BY_KEY_ID);
                        lookup.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
                        return lookup;
                    },
                    row -> {
                        found.put(row.getString(1), unwrap(row.getString(1), row.getString(2)));
                    });
        }
        return found;
    }

    /** Deletes the person's key; false when they have none (never had, or erased already). */
    public boolean erase(String personId) {
        return jdbc.update("DELETE FROM personal_data_key WHERE pseudonym = ?", pseudonyms.of(personId)) > 0;
    }

    private Map<String, PersonKey> findByPseudonym(Collection<String> wantedPseudonyms) {
        Map<String, PersonKey> found = new HashMap<>();
        List<String> wanted = List.copyOf(wantedPseudonyms);
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(from + CHUNK, wanted.size()));
            jdbc.query(
                    connection -> {
                        PreparedStatement lookup = connection.prepareStatement(BY_PSEUDONYM);
                        lookup.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
                        return lookup;
                    },
                    row -> {
                        String keyId = row.getString(2);
                        found.put(row.getString(1), new PersonKey(keyId, unwrap(keyId, row.getString(3))));
                    });
        }
        return found;
    }

    private SecretKey unwrap(String keyId, String wrapped) {
        try {
            return new SecretKeySpec(Seals.open(masterKey.wrappingKey(), keyId, wrapped), "AES");
        } catch (GeneralSecurityException wrongMasterKey) {
            throw new IllegalStateException(
                    "The data key " + keyId + " does not open with the personal-data master key", wrongMasterKey);
        }
    }

    /**
     * PostgreSQL skips a key another transaction has just made (and waits for that one to commit or roll back); H2 has
     * no such clause, and a second key for the same person, made by two commands at the same instant, fails there on
     * the primary key (see {@link #obtain}).
     */
    private String insertIfAbsent() {
        if (insertIfAbsent == null) {
            String product = jdbc.execute((ConnectionCallback<String>)
                    connection -> connection.getMetaData().getDatabaseProductName());
            insertIfAbsent = "PostgreSQL".equalsIgnoreCase(product) ? INSERT + " ON CONFLICT DO NOTHING" : INSERT;
        }
        return insertIfAbsent;
    }
}
