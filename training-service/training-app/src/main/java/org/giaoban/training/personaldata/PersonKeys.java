package org.giaoban.training.personaldata;

import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    private volatile Boolean skipsConflicts;

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
        List<NewKey> fresh = new ArrayList<>();
        for (String pseudonym : pseudonymOf.values()) {
            if (!byPseudonym.containsKey(pseudonym)) {
                fresh.add(NewKey.madeFor(pseudonym, masterKey));
            }
        }
        if (!fresh.isEmpty()) {
            // Every transaction inserts its new keys in the order of their pseudonyms, so two that meet the same new
            // people wait for each other at most once and never each for a row the other holds: no deadlock.
            fresh.sort(Comparator.comparing(NewKey::pseudonym));
            List<String> madeMeanwhile = new ArrayList<>();
            for (NewKey key : insertIfAbsent(fresh)) {
                if (key.stored()) {
                    byPseudonym.put(key.pseudonym(), key.personKey());
                } else {
                    madeMeanwhile.add(key.pseudonym());
                }
            }
            // A concurrent command made a key for the same person first: the stored key is the one to use.
            byPseudonym.putAll(findByPseudonym(madeMeanwhile));
        }
        Map<String, PersonKey> byPerson = new HashMap<>();
        pseudonymOf.forEach((personId, pseudonym) -> byPerson.put(personId, byPseudonym.get(pseudonym)));
        return byPerson;
    }

    /** A key made for a person who had none: stored, or not when another transaction stored one for them first. */
    private record NewKey(String pseudonym, PersonKey personKey, String wrapped, boolean stored) {

        static NewKey madeFor(String pseudonym, MasterKey masterKey) {
            String keyId = UUID.randomUUID().toString();
            SecretKey dataKey = Seals.newDataKey();
            String wrapped = Seals.seal(masterKey.wrappingKey(), keyId, dataKey.getEncoded());
            return new NewKey(pseudonym, new PersonKey(keyId, dataKey), wrapped, false);
        }

        NewKey asStored(boolean stored) {
            return new NewKey(pseudonym, personKey, wrapped, stored);
        }
    }

    /** Inserts the keys that no other transaction has stored meanwhile, and says which of them it stored. */
    private List<NewKey> insertIfAbsent(List<NewKey> fresh) {
        Timestamp now = Timestamp.from(Instant.now());
        if (skipsConflicts()) {
            int[][] counts = jdbc.batchUpdate(INSERT + " ON CONFLICT DO NOTHING", fresh, CHUNK, (statement, key) -> {
                bind(statement, key, now);
            });
            List<NewKey> outcome = new ArrayList<>(fresh.size());
            int index = 0;
            for (int[] chunk : counts) {
                for (int count : chunk) {
                    // 0: another transaction's key is stored; a driver that does not count is read back to be sure.
                    outcome.add(fresh.get(index++).asStored(count == 1));
                }
            }
            return outcome;
        }
        try {
            jdbc.batchUpdate(INSERT, fresh, CHUNK, (statement, key) -> bind(statement, key, now));
            return fresh.stream().map(key -> key.asStored(true)).toList();
        } catch (DuplicateKeyException madeMeanwhile) {
            // H2: a failed statement leaves its transaction usable, so the keys are inserted one by one, and each one
            // another transaction has made meanwhile is left to it. Those of the failed batch that went in are this
            // transaction's own rows: inserting them again fails at once, and they are read back too.
            List<NewKey> outcome = new ArrayList<>(fresh.size());
            for (NewKey key : fresh) {
                boolean stored;
                try {
                    stored =
                            jdbc.update(INSERT, key.pseudonym(), key.personKey().keyId(), key.wrapped(), now) == 1;
                } catch (DuplicateKeyException alreadyThere) {
                    stored = false;
                }
                outcome.add(key.asStored(stored));
            }
            return outcome;
        }
    }

    private static void bind(PreparedStatement statement, NewKey key, Timestamp now) throws SQLException {
        statement.setString(1, key.pseudonym());
        statement.setString(2, key.personKey().keyId());
        statement.setString(3, key.wrapped());
        statement.setTimestamp(4, now);
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
     * the primary key (see {@link #insertIfAbsent}).
     */
    private boolean skipsConflicts() {
        if (skipsConflicts == null) {
            String product = jdbc.execute((ConnectionCallback<String>)
                    connection -> connection.getMetaData().getDatabaseProductName());
            skipsConflicts = "PostgreSQL".equalsIgnoreCase(product);
        }
        return skipsConflicts;
    }
}
