package org.giaoban.platform.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * When a gap in the global index can no longer be filled, so that the sealer may seal past it.
 *
 * <p>The global index is an identity column: a transaction takes its number when it inserts and may commit after a
 * transaction that took a later number, so for a while a reader sees row 12 without row 11. Once row 11 commits it
 * must be leaf 11's predecessor's successor, not appended after 12; a number whose transaction rolled back stays
 * missing forever. The sealer therefore seals only up to the first gap that could still be filled. A gap that the
 * rows seen are contiguous across never waits: only a missing number below a committed row does, and only until
 * that number either commits (then it is sealed in its place) or is known to be lost.
 *
 * <p>Every number below a committed row was taken before that row's number, so its transaction had begun when the
 * row was seen. The rule for "lost" is therefore: every transaction that could hold it has ended.
 * <ul>
 *   <li>PostgreSQL ({@link #postgres}): when the missing number is first seen, the sealer notes
 *       {@code pg_snapshot_xmax(pg_current_snapshot())}; the gap is final once the oldest transaction still running in
 *       the service's database ({@code pg_stat_activity.backend_xid}) has passed it, or none is running (every
 *       transaction that was running has committed or rolled back), and a short grace has elapsed. Transactions in
 *       other databases of the same server do not count: they cannot fill a gap here. The grace covers the instant inside an insert between taking the
 *       number and the transaction getting its id. Worst case: the longest transaction in the service's database
 *       that was running when the gap was seen, plus the grace (1 s by default), plus one polling interval.
 *   <li>H2 ({@link #timed}), opened by its service alone and without a view of other transactions' ids: the gap is
 *       final a fixed time after it was first seen (10 s by default), longer than any command's transaction. Worst
 *       case: that time plus one polling interval.
 * </ul>
 * Both wait only while the gap stays open: the common case, a slower transaction committing a moment later, seals
 * as soon as it commits.
 */
public abstract sealed class SealingGaps {

    private final LongSupplier nanoTime;
    private final long graceNanos;
    private final List<Observation> pending = new ArrayList<>();
    private long finalBelow;

    private SealingGaps(Duration grace, LongSupplier nanoTime) {
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The precise rule of PostgreSQL, with {@code grace} after the last transaction that could fill a gap. */
    public static SealingGaps postgres(Duration grace) {
        return new Postgres(grace, System::nanoTime);
    }

    /** A gap is final {@code timeout} after it was first seen. */
    public static SealingGaps timed(Duration timeout) {
        return timed(timeout, System::nanoTime);
    }

    static SealingGaps timed(Duration timeout, LongSupplier nanoTime) {
        return new Timed(timeout, nanoTime);
    }

    /** Settles the gaps seen before: call at the start of a round, before the rows are read. */
    final void settle(Connection connection) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        long horizon = horizon(connection);
        pending.removeIf(observation -> {
            boolean over = now - observation.seenAtNanos() >= graceNanos && horizon >= observation.transactions();
            if (over) {
                finalBelow = Math.max(finalBelow, observation.bound());
            }
            return over;
        });
    }

    /**
     * Whether the numbers below {@code bound} that the round's read did not find are lost for good, by the gaps
     * {@link #settle settled} before the read.
     */
    final boolean allLostBelow(long bound) {
        return bound <= finalBelow;
    }

    /** Notes that the read just made found numbers missing below the committed row {@code bound}. */
    final void seenMissingBelow(long bound, Connection connection) throws SQLException {
        for (Observation observation : pending) {
            if (observation.bound() >= bound) {
                return; // an earlier sighting covers these numbers and ends no later
            }
        }
        pending.add(new Observation(bound, transactions(connection), nanoTime.getAsLong()));
    }

    /** Forgets what was seen: after a failed round, or when another instance sealed meanwhile. */
    final void forget() {
        pending.clear();
    }

    /** An id above every transaction that may hold a number taken so far. */
    abstract long transactions(Connection connection) throws SQLException;

    /** An id below every transaction still running. */
    abstract long horizon(Connection connection) throws SQLException;

    private record Observation(long bound, long transactions, long seenAtNanos) {}

    private static final class Postgres extends SealingGaps {

        Postgres(Duration grace, LongSupplier nanoTime) {
            super(grace, nanoTime);
        }

        @Override
        long transactions(Connection connection) throws SQLException {
            return xid(connection, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text");
        }

        /**
         * The oldest transaction still running in this database (another database's transactions cannot fill a gap
         * here, and a long one must not hold sealing up), or, when none is, the next transaction id. A session's
         * {@code backend_xid} is 32 bits; it is placed in the epoch of the current snapshot, or the one before when it
         * is above it.
         */
        @Override
        long horizon(Connection connection) throws SQLException {
            return xid(connection, """
                    WITH snapshot AS (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax)
                    SELECT COALESCE(MIN(CASE
                                WHEN running.backend_xid::text::bigint <= (snapshot.xmax & 4294967295)
                                    THEN (snapshot.xmax & ~4294967295::bigint) | running.backend_xid::text::bigint
                                ELSE ((snapshot.xmax & ~4294967295::bigint) - 4294967296)
                                        | running.backend_xid::text::bigint
                            END), MIN(snapshot.xmax))::text
                    FROM snapshot
                    LEFT JOIN pg_stat_activity running
                        ON running.datname = current_database()
                        AND running.backend_xid IS NOT NULL
                        AND running.pid <> pg_backend_pid()
                    """);
        }

        private static long xid(Connection connection, String sql) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(sql);
                    ResultSet row = query.executeQuery()) {
                row.next();
                return Long.parseLong(row.getString(1));
            }
        }
    }

    private static final class Timed extends SealingGaps {

        Timed(Duration timeout, LongSupplier nanoTime) {
            super(timeout, nanoTime);
        }

        @Override
        long transactions(Connection connection) {
            return 0;
        }

        @Override
        long horizon(Connection connection) {
            return 0;
        }
    }
}
