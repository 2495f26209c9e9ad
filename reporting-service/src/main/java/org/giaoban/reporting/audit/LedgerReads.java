package org.giaoban.reporting.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.giaoban.platform.ledger.LedgerClock;
import org.giaoban.platform.ledger.LedgerStore;
import org.giaoban.platform.ledger.LedgerVerification;
import org.giaoban.platform.ledger.TreeHead;
import org.giaoban.platform.web.PageRequest;
import org.giaoban.platform.web.PageResponse;
import org.giaoban.reporting.source.ServiceEventSource;

/**
 * A service's ledger as its own tables hold it, read through reporting-service's read-only connection: signed tree
 * heads, proofs, published keys and the verification of the stored rows against the heads. The platform's
 * {@link LedgerStore} and {@link LedgerVerification} do the reading; this adds paging and the shapes of API.md.
 */
public final class LedgerReads {

    private final Map<String, LedgerStore> stores = new ConcurrentHashMap<>();

    private LedgerStore storeOf(ServiceEventSource source) {
        return stores.computeIfAbsent(source.service(), service -> new LedgerStore(source.dataSource()));
    }

    public Optional<TreeHead> latestTreeHead(ServiceEventSource source) {
        return storeOf(source).latestTreeHead();
    }

    /** The number of sealed leaves: no proof reaches beyond it. */
    public long leafCount(ServiceEventSource source) {
        return storeOf(source).leafCount();
    }

    public OptionalLong leafIndexOf(ServiceEventSource source, long position) {
        return storeOf(source).leafIndexOf(position);
    }

    public LedgerStore.InclusionProof inclusionProof(ServiceEventSource source, long leafIndex, long treeSize) {
        return storeOf(source).inclusionProof(leafIndex, treeSize);
    }

    public LedgerStore.ConsistencyProof consistencyProof(ServiceEventSource source, long from, long to) {
        return storeOf(source).consistencyProof(from, to);
    }

    /** The keys that signed or sign {@code source}'s heads, oldest first, each with {@code service}. */
    public List<ObjectNode> keys(ServiceEventSource source) {
        List<ObjectNode> keys = new ArrayList<>();
        for (LedgerStore.PublishedKey key : storeOf(source).keys()) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("service", source.service());
            json.put("keyId", key.keyId());
            json.put("algorithm", key.algorithm());
            json.put("publicKey", key.publicKey());
            json.put("validFrom", key.validFrom());
            json.put("validTo", key.validTo());
            keys.add(json);
        }
        return keys;
    }

    /**
     * The heads within {@code range} (tree sizes and signing instants, each bound optional), newest first, a page of
     * them.
     */
    public PageResponse<TreeHead> treeHeads(ServiceEventSource source, HeadRange range, PageRequest page) {
        String where = " FROM ledger_tree_head WHERE tree_size >= ? AND tree_size <= ? AND signed_at >= ?"
                + " AND signed_at <= ?";
        Object[] bounds = {
            range.fromSize() == null ? 0L : range.fromSize(),
            range.toSize() == null ? Long.MAX_VALUE : range.toSize(),
            range.fromTime() == null ? "" : LedgerClock.format(range.fromTime()),
            range.toTime() == null ? "~" : LedgerClock.format(range.toTime())
        };
        try (Connection connection = source.dataSource().getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + where)) {
                bind(count, bounds);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            List<TreeHead> heads = new ArrayList<>();
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT service, tree_size, root_hash, signed_at, key_id, signature"
                            + where + " ORDER BY tree_size DESC LIMIT ? OFFSET ?")) {
                bind(query, bounds);
                query.setInt(bounds.length + 1, page.size());
                query.setLong(bounds.length + 2, page.offset());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        heads.add(new TreeHead(
                                rows.getString(1),
                                rows.getLong(2),
                                rows.getString(3).strip(),
                                rows.getString(4),
                                rows.getString(5).strip(),
                                rows.getString(6).strip()));
                    }
                }
            }
            return new PageResponse<>(heads, page.page(), page.size(), total);
        } catch (SQLException e) {
            throw new LedgerStore.LedgerStoreException("Cannot read the ledger's tree heads", e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    /** Bounds on the heads asked for, all included, each null when open. */
    public record HeadRange(Long fromSize, Long toSize, Instant fromTime, Instant toTime) {}

    /**
     * The stored rows recomputed against the signed heads, with the keys the store publishes: {@code {"verified":
     * true, "events", "treeHead"}} or {@code {"verified": false, "firstMismatch": {"position", "leafIndex", "reason",
     * "expected", "found"}}}.
     */
    public ObjectNode verify(ServiceEventSource source) {
        LedgerVerification.Result result = LedgerVerification.verify(source.dataSource(), source.service());
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("service", source.service());
        json.put("verified", result.verified());
        if (result.verified()) {
            json.put("events", result.events());
            json.set(
                    "treeHead",
                    result.treeHead() == null
                            ? json.nullNode()
                            : result.treeHead().toJson());
        } else {
            LedgerVerification.Mismatch mismatch = result.firstMismatch();
            ObjectNode first = json.putObject("firstMismatch");
            if (mismatch.position() == null) {
                first.putNull("position");
            } else {
                first.put("position", mismatch.position());
            }
            if (mismatch.leafIndex() == null) {
                first.putNull("leafIndex");
            } else {
                first.put("leafIndex", mismatch.leafIndex());
            }
            first.put("reason", mismatch.reason());
            first.put("expected", mismatch.expected());
            first.put("found", mismatch.found());
            json.set(
                    "treeHead",
                    result.treeHead() == null
                            ? json.nullNode()
                            : result.treeHead().toJson());
        }
        return json;
    }
}
