package org.giaoban.platform.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The ledger's tables in a service's database, read: the subtree hashes, the signed tree heads, the published keys,
 * and the proofs they answer. Every method reads O(log n) rows or fewer, so a proof over a million leaves is a few
 * indexed reads. It only reads, so the read side can use it on a read-only connection to another service's store.
 */
public final class LedgerStore {

    private static final HexFormat HEX = HexFormat.of();
    private static final String TREE_HEAD_COLUMNS = "service, tree_size, root_hash, signed_at, key_id, signature";

    private final DataSource dataSource;

    public LedgerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The number of sealed leaves (which may run ahead of the latest signed head). */
    public long leafCount() {
        try (Connection connection = dataSource.getConnection()) {
            return leafCount(connection);
        } catch (SQLException e) {
            throw new LedgerStoreException("Cannot count the ledger's leaves", e);
        }
    }

    static long leafCount(Connection connection) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT MAX(node_index) FROM ledger_node WHERE level = 0");
                ResultSet row = query.executeQuery()) {
            row.next();
            long last = row.getLong(1);
            return row.wasNull() ? 0 : last + 1;
        }
    }

    /** The leaf index that seals the event at {@code position}, if it is sealed. */
    public OptionalLong leafIndexOf(long position) {
        return longQuery("SELECT node_index FROM ledger_node WHERE global_index = ?", position);
    }

    /** The position (global index) of the event that leaf {@code leafIndex} seals, if there is such a leaf. */
    public OptionalLong positionOf(long leafIndex) {
        return longQuery("SELECT global_index FROM ledger_node WHERE level = 0 AND node_index = ?", leafIndex);
    }

    /** The latest signed tree head, if any head was signed yet. */
    public Optional<TreeHead> latestTreeHead() {
        List<TreeHead> heads =
                treeHeads("SELECT " + TREE_HEAD_COLUMNS + " FROM ledger_tree_head ORDER BY tree_size DESC LIMIT 1");
        return heads.stream().findFirst();
    }

    /** The head signed for a tree of exactly {@code treeSize} leaves, if one was. */
    public Optional<TreeHead> treeHead(long treeSize) {
        return treeHeads("SELECT " + TREE_HEAD_COLUMNS + " FROM ledger_tree_head WHERE tree_size = ?", treeSize)
                .stream()
                .findFirst();
    }

    /**
     * The heads signed from {@code from} to {@code to} (ISO-8601 instants, either may be null for open), newest first,
     * at most {@code limit}.
     */
    public List<TreeHead> treeHeads(String from, String to, int limit) {
        return treeHeads(
                "SELECT " + TREE_HEAD_COLUMNS + " FROM ledger_tree_head WHERE signed_at >= ? AND signed_at <= ?"
                        + " ORDER BY tree_size DESC LIMIT ?",
                from == null ? "" : LedgerClock.normalized(from),
                to == null ? "~" : LedgerClock.normalized(to),
                limit);
    }

    /** The heads of trees from {@code fromSize} to {@code toSize} leaves (both included), newest first, at most {@code limit}. */
    public List<TreeHead> treeHeadsBySize(long fromSize, long toSize, int limit) {
        return treeHeads(
                "SELECT " + TREE_HEAD_COLUMNS + " FROM ledger_tree_head WHERE tree_size >= ? AND tree_size <= ?"
                        + " ORDER BY tree_size DESC LIMIT ?",
                fromSize,
                toSize,
                limit);
    }

    /** Every key that signed or signs this ledger's heads, oldest first. */
    public List<PublishedKey> keys() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT key_id, algorithm, public_key, valid_from, valid_to FROM ledger_signing_key"
                                + " ORDER BY valid_from, key_id");
                ResultSet rows = query.executeQuery()) {
            List<PublishedKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(new PublishedKey(
                        rows.getString(1).strip(),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5)));
            }
            return keys;
        } catch (SQLException e) {
            throw new LedgerStoreException("Cannot read the ledger's keys", e);
        }
    }

    /** The root of the tree of {@code treeSize} sealed leaves, from the stored subtree hashes. */
    public byte[] root(long treeSize) {
        return onOneConnection(treeSize, hashes -> MerkleProofs.root(treeSize, hashes));
    }

    /** The audit path of leaf {@code leafIndex} in the tree of {@code treeSize} sealed leaves. */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        List<byte[]> path =
                onOneConnection(treeSize, hashes -> MerkleProofs.inclusionProof(leafIndex, treeSize, hashes));
        return new InclusionProof(
                leafIndex, treeSize, path.stream().map(HEX::formatHex).toList());
    }

    /** The proof that the tree of {@code to} sealed leaves extends the tree of {@code from}. */
    public ConsistencyProof consistencyProof(long from, long to) {
        List<byte[]> proof = onOneConnection(to, hashes -> MerkleProofs.consistencyProof(from, to, hashes));
        return new ConsistencyProof(from, to, proof.stream().map(HEX::formatHex).toList());
    }

    /** A proof's two queries (is the tree sealed, its subtree hashes) on one connection: a proof is a few ms. */
    private <T> T onOneConnection(long treeSize, java.util.function.Function<SubtreeHashes, T> proof) {
        try (Connection connection = dataSource.getConnection()) {
            long sealed = leafCount(connection);
            if (treeSize < 0 || treeSize > sealed) {
                throw new IllegalArgumentException("the ledger has " + sealed + " sealed leaves, not " + treeSize);
            }
            return proof.apply(subtrees -> {
                try {
                    return subtreeHashes(connection, subtrees);
                } catch (SQLException e) {
                    throw new LedgerStoreException("Cannot read the ledger's subtree hashes", e);
                }
            });
        } catch (SQLException e) {
            throw new LedgerStoreException("Cannot read the ledger", e);
        }
    }

    /** The stored subtree hashes, each request answered by one query. */
    public SubtreeHashes subtreeHashes() {
        return subtrees -> {
            try (Connection connection = dataSource.getConnection()) {
                return subtreeHashes(connection, subtrees);
            } catch (SQLException e) {
                throw new LedgerStoreException("Cannot read the ledger's subtree hashes", e);
            }
        };
    }

    static Map<Subtree, byte[]> subtreeHashes(Connection connection, Set<Subtree> subtrees) throws SQLException {
        Map<Subtree, byte[]> hashes = new HashMap<>();
        if (subtrees.isEmpty()) {
            return hashes;
        }
        List<Subtree> asked = new ArrayList<>(subtrees);
        StringBuilder sql = new StringBuilder("SELECT level, node_index, hash FROM ledger_node WHERE ");
        for (int i = 0; i < asked.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(level = ? AND node_index = ?)");
        }
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < asked.size(); i++) {
                query.setInt(2 * i + 1, asked.get(i).level());
                query.setLong(2 * i + 2, asked.get(i).index());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hashes.put(new Subtree(rows.getInt(1), rows.getLong(2)), rows.getBytes(3));
                }
            }
        }
        return hashes;
    }

    private OptionalLong longQuery(String sql, long parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return OptionalLong.empty();
                }
                long value = row.getLong(1);
                return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
            }
        } catch (SQLException e) {
            throw new LedgerStoreException("Cannot read the ledger", e);
        }
    }

    private List<TreeHead> treeHeads(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return readTreeHeads(rows);
            }
        } catch (SQLException e) {
            throw new LedgerStoreException("Cannot read the ledger's tree heads", e);
        }
    }

    static List<TreeHead> readTreeHeads(ResultSet rows) throws SQLException {
        List<TreeHead> heads = new ArrayList<>();
        while (rows.next()) {
            heads.add(new TreeHead(
                    rows.getString("service"),
                    rows.getLong("tree_size"),
                    rows.getString("root_hash").strip(),
                    rows.getString("signed_at"),
                    rows.getString("key_id").strip(),
                    rows.getString("signature").strip()));
        }
        return heads;
    }

    /** {@code {"leafIndex", "treeSize", "auditPath"}} of the API, hashes in hex. */
    @Schema(description = "An inclusion proof (RFC 9162, 2.1.3)")
    public record InclusionProof(
            @Schema(description = "The event's leaf", example = "41")
            long leafIndex,

            @Schema(description = "The tree's size", example = "1234")
            long treeSize,

            @Schema(description = "The audit path, leaf to root, SHA-256 hashes in lowercase hex")
            List<String> auditPath) {}

    /** {@code {"from", "to", "proof"}} of the API, hashes in hex. */
    @Schema(description = "A consistency proof (RFC 9162, 2.1.4)")
    public record ConsistencyProof(
            @Schema(description = "The earlier tree's size", example = "1000")
            long from,

            @Schema(description = "The later tree's size", example = "1234")
            long to,

            @Schema(description = "The proof, SHA-256 hashes in lowercase hex")
            List<String> proof) {}

    /**
     * A public key as published: {@code {"keyId", "algorithm": "Ed25519", "publicKey" (PEM), "validFrom",
     * "validTo"}}; {@code validTo} is null for the key in use.
     */
    public record PublishedKey(String keyId, String algorithm, String publicKey, String validFrom, String validTo) {

        /** Whether the key was the one in use at {@code instant} (an ISO-8601 instant as the ledger writes them). */
        public boolean wasValidAt(String instant) {
            String at = LedgerClock.normalized(instant);
            return validFrom.compareTo(at) <= 0 && (validTo == null || at.compareTo(validTo) <= 0);
        }
    }

    /** The ledger's tables could not be read or written. */
    public static final class LedgerStoreException extends RuntimeException {

        public LedgerStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
