package org.giaoban.platform.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, in the service's own database. A key is
 * claimed before the request runs, so that two concurrent repeats cannot both run it. A record lasts
 * {@code retention} (24 h by default): after that the key is free again and the record is deleted, by the next claim
 * of the same key or, for all expired records, every thousandth claim.
 */
public class IdempotencyRecords {

    /** How long a key's record is kept when nothing else is configured. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    private static final int CLAIMS_BETWEEN_SWEEPS = 1000;

    /** What a key already holds: the hash of the request it was first used with, and the answer once there is one. */
    public record Entry(String requestHash, Integer status, String contentType, String location, String body) {
        boolean answered() {
            return status != null;
        }

        /** Answered with a body too large to keep: it has a content type and no body. */
        boolean answerNotKept() {
            return answered() && contentType != null && body == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final AtomicInteger claims = new AtomicInteger();

    public IdempotencyRecords(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC(), DEFAULT_RETENTION);
    }

    public IdempotencyRecords(JdbcTemplate jdbc, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Claims the key for this request; false when it is already taken by a record that has not expired. */
    public boolean claim(String key, String requestHash) {
        Instant now = clock.instant();
        Timestamp expiredBefore = Timestamp.from(now.minus(retention));
        if (claims.incrementAndGet() % CLAIMS_BETWEEN_SWEEPS == 0) {
            jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", expiredBefore);
        }
        jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ? AND created_at < ?", key, expiredBefore);
        try {
            jdbc.update(
                    "INSERT INTO idempotency_record (idempotency_key, request_hash, created_at) VALUES (?, ?, ?)",
                    key,
                    requestHash,
                    Timestamp.from(now));
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
