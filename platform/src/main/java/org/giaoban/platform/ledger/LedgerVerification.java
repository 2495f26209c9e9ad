package org.giaoban.platform.ledger;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Recomputes a service's stored events against its signed tree heads and names the first row that differs.
 *
 * <p>It walks the events and the ledger's leaves side by side in global-index order, a page at a time (memory stays
 * flat however long the history), up to the latest signed head:
 * <ul>
 *   <li>a leaf whose row is gone: {@code deleted}, or {@code tail-cut} when no row of the rest of the head is left;
 *   <li>a row where the ledger has no leaf: {@code inserted};
 *   <li>a row whose recomputed leaf hash differs: {@code reordered} when it is the event sealed at another nearby
 *       position, else {@code edited} (payload, metadata, timestamp or any other column the export shows);
 *   <li>a signed head whose root the recomputed leaves do not give: {@code tree-head-mismatch} (the ledger's own
 *       rows were rewritten to match edited events), located at the first leaf after the last head that held;
 *   <li>a head whose signature does not verify with a key valid at its time: {@code signature-invalid}.
 * </ul>
 * Every signed head is checked, oldest first, so a later head that does not extend an earlier one is caught too.
 * The keys are those given (kept by the auditor) or, with {@link #verify(DataSource, String)}, those the store
 * publishes, which someone able to write the store could replace: a result against the store's own keys proves
 * only that the rows match the ledger.
 */
public final class LedgerVerification {

    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 5_000;
    /** How far around a differing row to look for the event sealed there, to tell a reordering from an edit. */
    private static final int REORDER_WINDOW = 64;

    private final DataSource dataSource;
    private final String service;
    private final List<LedgerStore.PublishedKey> keys;
    /** The leaf the walk is at: where the next page of rows is assumed to start. */
    private long nextLeafIndex;

    private LedgerVerification(DataSource dataSource, String service, List<LedgerStore.PublishedKey> keys) {
        this.dataSource = dataSource;
        this.service = service;
        this.keys = keys;
    }

    /** Verifies with the keys the store publishes. */
    public static Result verify(DataSource dataSource, String service) {
        return verify(dataSource, service, new LedgerStore(dataSource).keys());
    }

    /** Verifies with the given keys only. */
    public static Result verify(DataSource dataSource, String service, List<LedgerStore.PublishedKey> trustedKeys) {
        try {
            return new LedgerVerification(dataSource, service, trustedKeys).run();
        } catch (SQLException e) {
            throw new LedgerStore.LedgerStoreException("Cannot read the store to verify it", e);
        }
    }

    /** {@code {"verified", "events", "treeHead"}} or {@code {"verified": false, "firstMismatch"}}. */
    public record Result(boolean verified, long events, TreeHead treeHead, Mismatch firstMismatch) {

        static Result verified(long events, TreeHead head) {
            return new Result(true, events, head, null);
        }

        static Result failed(TreeHead head, Mismatch mismatch) {
            return new Result(false, 0, head, mismatch);
        }
    }

    /** Where the stored history first differs from what was sealed; hashes in hex, null where there is none. */
    public record Mismatch(Long position, Long leafIndex, String reason, String expected, String found) {}

    private Result run() throws SQLException {
        Optional<TreeHead> latest = new LedgerStore(dataSource).latestTreeHead();
        if (latest.isEmpty()) {
            return Result.verified(0, null);
        }
        TreeHead head = latest.get();
        long size = head.treeSize();
        Pages<Leaf> leaves = new Pages<>(this::leavesFrom);
        Pages<HashedRow> rows = new Pages<>(this::rowsFrom);
        Pages<TreeHead> heads = new Pages<>(this::headsFrom);
        MerkleFrontier frontier = MerkleFrontier.empty();
        long lastGoodHead = 0;
        long lastPosition = 0;
        for (long leafIndex = 0; leafIndex < size; leafIndex++) {
            nextLeafIndex = leafIndex;
            Leaf leaf = leaves.peek();
            if (leaf == null || leaf.index() != leafIndex) {
                return Result.failed(head, new Mismatch(null, leafIndex, "leaf-missing-from-ledger", null, null));
            }
            HashedRow hashed = rows.peek();
            StoredEventRow row = hashed == null ? null : hashed.row();
            if (row == null || row.globalIndex() > leaf.position()) {
                return Result.failed(head, gone(leaf, leaves, size));
            }
            if (row.globalIndex() < leaf.position()) {
                return Result.failed(
                        head,
                        new Mismatch(row.globalIndex(), leafIndex, "inserted", null, hex(hashOf(row, leafIndex))));
            }
            byte[] found = hashed.leafIndex() == leafIndex ? hashed.hash() : hashOf(row, leafIndex);
            if (!MessageDigest.isEqual(found, leaf.hash())) {
                return Result.failed(head, differing(row, leaf, leaves));
            }
            frontier.append(leaf.hash());
            lastPosition = leaf.position();
            leaves.next();
            rows.next();
            for (TreeHead signed = heads.peek();
                    signed != null && signed.treeSize() <= frontier.size();
                    signed = heads.peek()) {
                Optional<Mismatch> bad = check(signed, frontier, lastGoodHead);
                if (bad.isPresent()) {
                    return Result.failed(head, bad.get());
                }
                lastGoodHead = signed.treeSize();
                heads.next();
            }
        }
        StoredEventRow extra = rows.peek() == null ? null : rows.peek().row();
        if (extra != null && extra.globalIndex() <= lastPosition) {
            return Result.failed(
                    head, new Mismatch(extra.globalIndex(), size, "inserted", null, hex(hashOf(extra, size))));
        }
        return Result.verified(size, head);
    }

    /** A head's signature and root, once the frontier has reached its size. */
    private Optional<Mismatch> check(TreeHead signed, MerkleFrontier frontier, long lastGoodHead) throws SQLException {
        boolean signedByKnownKey = keys.stream()
                .filter(key -> key.keyId().equals(signed.keyId()) && key.wasValidAt(signed.timestamp()))
                .anyMatch(key -> signed.isSignedBy(LedgerSigningKey.publicKeyFromPem(key.publicKey())));
        if (!signedByKnownKey) {
            return Optional.of(new Mismatch(null, signed.treeSize(), "signature-invalid", null, signed.signature()));
        }
        String root = hex(frontier.root());
        if (!root.equals(signed.rootHash())) {
            Long firstUnproven = positionOfLeaf(lastGoodHead);
            return Optional.of(
                    new Mismatch(firstUnproven, lastGoodHead, "tree-head-mismatch", signed.rootHash(), root));
        }
        return Optional.empty();
    }

    /** The row of {@code leaf} is missing: deleted, or the whole rest of the head cut off. */
    private Mismatch gone(Leaf leaf, Pages<Leaf> leaves, long size) throws SQLException {
        Long lastSealed = positionOfLeaf(size - 1);
        boolean anyLeft;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM domain_event_entry" + " WHERE global_index >= ? AND global_index <= ?")) {
            query.setLong(1, leaf.position());
            query.setLong(2, lastSealed == null ? leaf.position() : lastSealed);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                anyLeft = row.getLong(1) > 0;
            }
        }
        return new Mismatch(leaf.position(), leaf.index(), anyLeft ? "deleted" : "tail-cut", hex(leaf.hash()), null);
    }

    /** A row whose leaf differs: the event sealed at a nearby position moved here, or an edited row. */
    private Mismatch differing(StoredEventRow row, Leaf leaf, Pages<Leaf> leaves) throws SQLException {
        byte[] found = hashOf(row, leaf.index());
        for (Leaf other : leavesAround(leaf.index())) {
            StoredEventRow moved = new StoredEventRow(
                    other.position(),
                    row.eventIdentifier(),
                    row.type(),
                    row.aggregateIdentifier(),
                    row.sequenceNumber(),
                    row.payloadType(),
                    row.payloadRevision(),
                    row.timeStamp(),
                    row.payload(),
                    row.metaData());
            if (other.index() != leaf.index() && MessageDigest.isEqual(hashOf(moved, other.index()), other.hash())) {
                return new Mismatch(row.globalIndex(), leaf.index(), "reordered", hex(leaf.hash()), hex(found));
            }
        }
        return new Mismatch(row.globalIndex(), leaf.index(), "edited", hex(leaf.hash()), hex(found));
    }

    private byte[] hashOf(StoredEventRow row, long leafIndex) {
        return LedgerEvent.of(service, leafIndex, row).leafHash();
    }

    private List<Leaf> leavesAround(long leafIndex) throws SQLException {
        return leaves(
                "SELECT node_index, global_index, hash FROM ledger_node WHERE level = 0"
                        + " AND node_index >= ? AND node_index <= ? ORDER BY node_index",
                Math.max(0, leafIndex - REORDER_WINDOW),
                leafIndex + REORDER_WINDOW);
    }

    private Long positionOfLeaf(long leafIndex) {
        var position = new LedgerStore(dataSource).positionOf(leafIndex);
        return position.isPresent() ? position.getAsLong() : null;
    }

    private List<Leaf> leavesFrom(Leaf after) throws SQLException {
        return leaves(
                "SELECT node_index, global_index, hash FROM ledger_node WHERE level = 0 AND node_index >= ?"
                        + " ORDER BY node_index LIMIT " + PAGE,
                after == null ? 0 : after.index() + 1);
    }

    private List<Leaf> leaves(String sql, long... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<Leaf> page = new ArrayList<>();
                while (rows.next()) {
                    page.add(new Leaf(rows.getLong(1), rows.getLong(2), rows.getBytes(3)));
                }
                return page;
            }
        }
    }

    /**
     * The next page of rows, each hashed as the leaf it should be if nothing is amiss (the page's rows follow the
     * current leaf one for one). Hashing is most of the work of a verification, so a page is hashed on every core;
     * a row found elsewhere than assumed is hashed again where it is.
     */
    private List<HashedRow> rowsFrom(HashedRow after) throws SQLException {
        List<StoredEventRow> page = rowsAfter(after == null ? null : after.row());
        long first = nextLeafIndex;
        return java.util.stream.IntStream.range(0, page.size())
                .parallel()
                .mapToObj(i -> new HashedRow(page.get(i), first + i, hashOf(page.get(i), first + i)))
                .toList();
    }

    private List<StoredEventRow> rowsAfter(StoredEventRow after) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT " + StoredEventRow.COLUMNS
                        + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT " + PAGE)) {
            query.setLong(1, after == null ? Long.MIN_VALUE : after.globalIndex());
            try (ResultSet rows = query.executeQuery()) {
                List<StoredEventRow> page = new ArrayList<>();
                while (rows.next()) {
                    page.add(StoredEventRow.read(rows));
                }
                return page;
            }
        }
    }

    private List<TreeHead> headsFrom(TreeHead after) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT service, tree_size, root_hash, signed_at, key_id, signature FROM ledger_tree_head"
                                + " WHERE tree_size > ? ORDER BY tree_size LIMIT " + PAGE)) {
            query.setLong(1, after == null ? -1 : after.treeSize());
            try (ResultSet rows = query.executeQuery()) {
                return LedgerStore.readTreeHeads(rows);
            }
        }
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private record Leaf(long index, long position, byte[] hash) {}

    private record HashedRow(StoredEventRow row, long leafIndex, byte[] hash) {}

    /** A source read a page at a time, each page after the last item of the one before. */
    @FunctionalInterface
    private interface PageReader<T> {
        List<T> after(T last) throws SQLException;
    }

    private static final class Pages<T> {

        private final PageReader<T> reader;
        private final Deque<T> page = new ArrayDeque<>();
        private T last;
        private boolean exhausted;

        Pages(PageReader<T> reader) {
            this.reader = reader;
        }

        T peek() throws SQLException {
            if (page.isEmpty() && !exhausted) {
                List<T> read = reader.after(last);
                exhausted = read.size() < PAGE;
                page.addAll(read);
            }
            return page.peekFirst();
        }

        void next() {
            last = page.pollFirst();
        }
    }
}
