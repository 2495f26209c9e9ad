package org.giaoban.platform.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, in the service's own database. A key is
 * claimed before the request runs, so that two concurrent repeats cannot both run it.
 */
public class IdempotencyRecords {

    /** What a key already holds: the hash of the request it was first used with, and the answer once there is one. */
    public record Entry(String requestHash, Integer status, String contentType, String location, String body) {
        boolean answered() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;

    public IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request; false when it is already taken. */
    public boolean claim(String key, String requestHash) {
        try {
            jdbc.update(
                    "INSERT INTO idempotency_record (idempotency_key, request_hash, created_at) VALUES (?, ?, ?)",
                    key,
                    requestHash,
                    Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public Optional<Entry> find(String key) {
        return jdbc
                .query(
                        "SELECT request_hash, status, content_type, location, body FROM idempotency_record"
                                + " WHERE idempotency_key = ?",
                        (row, n) -> new Entry(
                                row.getString(1),
                                (Integer) row.getObject(2, Integer.class),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5)),
                        key)
                .stream()
                .findFirst();
    }

    public void answer(String key, int status, String contentType, String location, String body) {
        jdbc.update(
                "UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, body = ?"
                        + " WHERE idempotency_key = ?",
                status,
                contentType,
                location,
                body,
                key);
    }

    /** Frees a key whose request was refused or failed: a refused request changes nothing, not even the key. */
    public void release(String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ?", key);
    }

    /**
     * Deletes the records whose answer or location holds {@code text} (a person's id, on their erasure): a repeat of
     * such a request runs again and meets the rules of a new one.
     *
     * @return how many records were deleted
     */
    public int forgetAnswersHolding(String text) {
        String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.update(
                "DELETE FROM idempotency_record WHERE body LIKE ? ESCAPE '!' OR location LIKE ? ESCAPE '!'",
                pattern,
                pattern);
    }
}
