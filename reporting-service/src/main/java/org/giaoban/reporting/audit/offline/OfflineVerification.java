package org.giaoban.reporting.audit.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.giaoban.platform.ledger.CanonicalJson;
import org.giaoban.platform.ledger.LedgerClock;
import org.giaoban.platform.ledger.LedgerSigningKey;
import org.giaoban.platform.ledger.MerkleFrontier;
import org.giaoban.platform.ledger.MerkleTree;
import org.giaoban.platform.ledger.TreeHead;

/**
 * Checks an export ({@link AuditExport}) from its files alone, as docs/AUDIT.md describes it: every sealed line's leaf
 * recomputed from the line (the canonical JSON of the line without {@code leafHash}) and compared with its
 * {@code leafHash}; leaf indexes dense from 0 and positions rising; the root over the leaves compared with every signed
 * head the export carries, as the leaves reach its size, so that the heads are consistent with one another by
 * construction; each head's signature checked with an exported key valid at its timestamp; and no head larger than
 * the leaves the export holds. The lines are read one at a time and the tree kept as its right edge: memory does not
 * grow with the export.
 */
public final class OfflineVerification {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineVerification() {}

    /** The outcome: verified with the number of sealed events and the latest head, or the first mismatch. */
    public record Result(boolean verified, long events, TreeHead treeHead, Mismatch firstMismatch) {}

    /** Where the export first differs from what was signed; {@code line} counts from 1 in {@code events.ndjson}. */
    public record Mismatch(Long line, Long position, Long leafIndex, String reason, String expected, String found) {}

    public static Result verify(Path directory) throws IOException {
        List<Key> keys = new ArrayList<>();
        for (JsonNode key : JSON.readTree(directory.resolve(AuditExport.KEYS).toFile())) {
            keys.add(new Key(
                    key.path("keyId").asText(),
                    key.path("publicKey").asText(),
                    key.path("validFrom").asText(),
                    key.path("validTo").isNull() ? null : key.path("validTo").asText()));
        }
        List<TreeHead> heads = new ArrayList<>();
        for (JsonNode head :
                JSON.readTree(directory.resolve(AuditExport.TREE_HEADS).toFile())) {
            heads.add(JSON.treeToValue(head, TreeHead.class));
        }
        heads.sort(Comparator.comparingLong(TreeHead::treeSize));
        for (TreeHead head : heads) {
            if (!signedByExportedKey(head, keys)) {
                return failed(new Mismatch(null, null, head.treeSize(), "signature-invalid", null, head.signature()));
            }
        }
        MerkleFrontier frontier = MerkleFrontier.empty();
        int nextHead = 0;
        while (nextHead < heads.size() && heads.get(nextHead).treeSize() == 0) {
            nextHead++;
        }
        long lastPosition = Long.MIN_VALUE;
        long lineNumber = 0;
        try (BufferedReader lines =
                Files.newBufferedReader(directory.resolve(AuditExport.EVENTS), StandardCharsets.UTF_8)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                lineNumber++;
                ObjectNode line = (ObjectNode) JSON.readTree(text);
                long position = line.path("position").asLong();
                if (line.path("leafIndex").isNull()) {
                    continue; // not sealed yet: no head can speak for it
                }
                long leafIndex = line.path("leafIndex").asLong();
                if (leafIndex != frontier.size()) {
                    return failed(new Mismatch(
                            lineNumber,
                            position,
                            frontier.size(),
                            leafIndex < frontier.size() ? "inserted" : "deleted",
                            Long.toString(frontier.size()),
                            Long.toString(leafIndex)));
                }
                if (position <= lastPosition) {
                    return failed(new Mismatch(
                            lineNumber,
                            position,
                            leafIndex,
                            "reordered",
                            "> " + lastPosition,
                            Long.toString(position)));
                }
                lastPosition = position;
                JsonNode stated = line.remove("leafHash");
                byte[] leafHash = MerkleTree.leafHash(CanonicalJson.utf8(line));
                String found = HEX.formatHex(leafHash);
                if (stated == null || !found.equals(stated.asText())) {
                    return failed(new Mismatch(
                            lineNumber, position, leafIndex, "edited", stated == null ? null : stated.asText(), found));
                }
                frontier.append(leafHash);
                while (nextHead < heads.size() && heads.get(nextHead).treeSize() == frontier.size()) {
                    TreeHead head = heads.get(nextHead++);
                    String root = HEX.formatHex(frontier.root());
                    if (!root.equals(head.rootHash())) {
                        return failed(new Mismatch(
                                lineNumber, position, leafIndex, "tree-head-mismatch", head.rootHash(), root));
                    }
                }
            }
        }
        if (nextHead < heads.size()) {
            TreeHead unmet = heads.get(nextHead);
            return failed(new Mismatch(
                    lineNumber + 1,
                    null,
                    frontier.size(),
                    "tail-cut",
                    Long.toString(unmet.treeSize()),
                    Long.toString(frontier.size())));
        }
        return new Result(true, frontier.size(), heads.isEmpty() ? null : heads.get(heads.size() - 1), null);
    }

    private static boolean signedByExportedKey(TreeHead head, List<Key> keys) {
        String at = LedgerClock.normalized(head.timestamp());
        return keys.stream()
                .filter(key -> key.keyId().equals(head.keyId()))
                .filter(key -> LedgerClock.normalized(key.validFrom()).compareTo(at) <= 0
                        && (key.validTo() == null || at.compareTo(LedgerClock.normalized(key.validTo())) <= 0))
                .anyMatch(key -> head.isSignedBy(LedgerSigningKey.publicKeyFromPem(key.publicKey())));
    }

    private static Result failed(Mismatch mismatch) {
        return new Result(false, 0, null, mismatch);
    }

    private record Key(String keyId, String publicKey, String validFrom, String validTo) {}
}
