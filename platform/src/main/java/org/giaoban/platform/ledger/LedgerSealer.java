package org.giaoban.platform.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Extends a service's ledger as its events commit, and signs a tree head every few seconds while leaves arrive.
 *
 * <p>It runs on a thread of its own, in transactions of its own, and touches no table a command writes: a command
 * neither waits for it nor sees it. A round with nothing to seal or sign is one read and no transaction. Otherwise,
 * in one transaction, it takes the lock row {@code ledger_seal_lock} (on PostgreSQL, with {@code SKIP LOCKED}, so that
 * of several instances of a service one seals and the others skip the round; H2 has one), reads the events after the last sealed one in global-index order, appends those before the first gap
 * that could still be filled ({@link SealingGaps}), stores the hash of every complete subtree they close, and, when
 * the interval has passed since the last signed head, signs the new head. The tree's right edge is kept in memory
 * between rounds and read again when another instance has sealed meanwhile.
 */
public final class LedgerSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);

    /** How many rounds follow one another at once while a backlog lasts, before the thread rests for an interval. */
    private static final int ROUNDS_PER_RUN = 500;

    private final DataSource dataSource;
    private final String service;
    private final LedgerSigningKey key;
    private final SealingGaps gaps;
    private final Settings settings;
    private final Clock clock;

    private ScheduledExecutorService thread;
    private volatile boolean running;

    private MerkleFrontier frontier;
    private long lastPosition;
    private long lastSignedSize = -1;
    private Instant lastSignedAt = Instant.EPOCH;
    private boolean keyPublished;
    private boolean failing;

    public LedgerSealer(
            DataSource dataSource,
            String service,
            LedgerSigningKey key,
            SealingGaps gaps,
            Settings settings,
            Clock clock) {
        this.dataSource = dataSource;
        this.service = service;
        this.key = key;
        this.gaps = gaps;
        this.settings = settings;
        this.clock = clock;
    }

    /** How the sealer paces itself. */
    public record Settings(Duration pollInterval, Duration signingInterval, int rowsPerRound) {

        public Settings {
            if (pollInterval.isNegative()
                    || pollInterval.isZero()
                    || signingInterval.isNegative()
                    || rowsPerRound < 1) {
                throw new IllegalArgumentException("the ledger's intervals must be positive, its rounds not empty");
            }
        }
    }

    /** What one round did. */
    public record Round(boolean held, int sealed, long treeSize, boolean signed) {

        static final Round NOT_HELD = new Round(false, 0, -1, false);
    }

    /**
     * One round: seals what can be sealed of up to one batch of rows and signs a head if one is due. Safe to call
     * from any thread as long as the sealer is not {@link #start() started}.
     */
    public synchronized Round sealPending() throws SQLException {
        if (frontier != null && !signatureDue() && !anyRowAfter(lastPosition)) {
            // Idle: a read, and no transaction that writes, so that a quiet service pays nothing for its ledger.
            return new Round(true, 0, frontier.size(), false);
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Round round = round(connection);
                connection.commit();
                return round;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                frontier = null;
                gaps.forget();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private Round round(Connection connection) throws SQLException {
        boolean postgres = isPostgres(connection);
        if (!holdLock(connection, postgres)) {
            return Round.NOT_HELD;
        }
        if (!keyPublished) {
            LedgerKeys.publish(connection, key, clock.instant());
            keyPublished = true;
        }
        long leaves = LedgerStore.leafCount(connection);
        if (frontier == null || frontier.size() != leaves) {
            resume(connection, leaves);
        }
        gaps.settle(connection);
        List<StoredEventRow> rows = rowsAfter(connection, lastPosition, settings.rowsPerRound());
        List<StoredEventRow> sealable = new ArrayList<>(rows.size());
        long expected = lastPosition + 1;
        for (StoredEventRow row : rows) {
            if (row.globalIndex() != expected && !gaps.allLostBelow(row.globalIndex())) {
                gaps.seenMissingBelow(row.globalIndex(), connection);
                break;
            }
            sealable.add(row);
            expected = row.globalIndex() + 1;
        }
        if (!sealable.isEmpty()) {
            append(connection, sealable);
        }
        boolean signed = signIfDue(connection);
        return new Round(true, sealable.size(), frontier.size(), signed);
    }

    /**
     * PostgreSQL may be shared by several instances of the service: the one that gets the lock row seals, the others
     * skip the round. H2 is opened by its one service, whose only sealer is this one: nothing to lock.
     */
    private static boolean holdLock(Connection connection, boolean postgres) throws SQLException {
        if (!postgres) {
            return true;
        }
        String sql = "SELECT lock_id FROM ledger_seal_lock WHERE lock_id = 1 FOR UPDATE SKIP LOCKED";
        try (PreparedStatement lock = connection.prepareStatement(sql);
                ResultSet row = lock.executeQuery()) {
            return row.next();
        }
    }

    private void resume(Connection connection, long leaves) throws SQLException {
        List<Subtree> edge = MerkleFrontier.subtreesOf(leaves);
        var hashes = LedgerStore.subtreeHashes(connection, new java.util.HashSet<>(edge));
        List<byte[]> ordered = new ArrayList<>(edge.size());
        for (Subtree subtree : edge) {
            byte[] hash = hashes.get(subtree);
            if (hash == null) {
                throw new IllegalStateException(
                        "the ledger lacks the hash of " + subtree + " of its " + leaves + " leaves");
            }
            ordered.add(hash);
        }
        frontier = MerkleFrontier.of(leaves, ordered);
        lastPosition = 0;
        if (leaves > 0) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT global_index FROM ledger_node WHERE level = 0 AND node_index = ?")) {
                query.setLong(1, leaves - 1);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    lastPosition = row.getLong(1);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT tree_size, signed_at FROM ledger_tree_head ORDER BY tree_size DESC LIMIT 1");
                ResultSet row = query.executeQuery()) {
            if (row.next()) {
                lastSignedSize = row.getLong(1);
                lastSignedAt = Instant.parse(row.getString(2));
            } else {
                lastSignedSize = -1;
                lastSignedAt = Instant.EPOCH;
            }
        }
        gaps.forget();
    }

    private static List<StoredEventRow> rowsAfter(Connection connection, long position, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredEventRow.COLUMNS
                + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?")) {
            query.setLong(1, position);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<StoredEventRow> read = new ArrayList<>(limit);
                while (rows.next()) {
                    read.add(StoredEventRow.read(rows));
                }
                return read;
            }
        }
    }

    private void append(Connection connection, List<StoredEventRow> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_node (level, node_index, hash, global_index) VALUES (?, ?, ?, ?)")) {
            for (StoredEventRow row : rows) {
                byte[] leafHash = LedgerEvent.of(service, frontier.size(), row).leafHash();
                for (MerkleFrontier.SubtreeHash closed : frontier.append(leafHash)) {
                    insert.setInt(1, closed.subtree().level());
                    insert.setLong(2, closed.subtree().index());
                    insert.setBytes(3, closed.hash());
                    if (closed.subtree().level() == 0) {
                        insert.setLong(4, row.globalIndex());
                    } else {
                        insert.setNull(4, java.sql.Types.BIGINT);
                    }
                    insert.addBatch();
                }
                lastPosition = row.globalIndex();
            }
            insert.executeBatch();
        }
    }

    private boolean signatureDue() {
        return frontier.size() > lastSignedSize
                && frontier.size() > 0
                && !clock.instant().isBefore(lastSignedAt.plus(settings.signingInterval()));
    }

    private boolean anyRowAfter(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT global_index FROM domain_event_entry WHERE global_index > ? ORDER BY global_index"
                                + " LIMIT 1")) {
            query.setLong(1, position);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private boolean signIfDue(Connection connection) throws SQLException {
        if (!signatureDue()) {
            return false;
        }
        Instant now = clock.instant();
        TreeHead head = TreeHead.sign(service, frontier.size(), frontier.root(), LedgerClock.format(now), key);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_tree_head"
                + " (tree_size, service, root_hash, signed_at, key_id, signature, last_position)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, head.treeSize());
            insert.setString(2, head.service());
            insert.setString(3, head.rootHash());
            insert.setString(4, head.timestamp());
            insert.setString(5, head.keyId());
            insert.setString(6, head.signature());
            insert.setLong(7, lastPosition);
            insert.executeUpdate();
        }
        lastSignedSize = head.treeSize();
        lastSignedAt = Instant.parse(head.timestamp());
        return true;
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    /** The rounds of the sealer's own thread: as many as a backlog needs, then a rest of one polling interval. */
    private void run() {
        try {
            for (int i = 0; i < ROUNDS_PER_RUN && running; i++) {
                Round round = sealPending();
                if (round.sealed() < settings.rowsPerRound()) {
                    break;
                }
            }
            if (failing) {
                log.info("The ledger of {} is sealing again", service);
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            // The store may be away for a while: say so once, and keep trying at each interval.
            if (!failing) {
                log.warn("The ledger of {} cannot seal now; it will try again", service, e);
                failing = true;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread sealer = new Thread(runnable, "ledger-sealer-" + service);
            sealer.setDaemon(true);
            return sealer;
        });
        long interval = settings.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::run, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            stopping.shutdown();
            try {
                stopping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
