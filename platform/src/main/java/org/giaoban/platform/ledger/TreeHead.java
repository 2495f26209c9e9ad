package org.giaoban.platform.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/**
 * A signed tree head: the service's ledger had {@code treeSize} leaves with root {@code rootHash} at {@code timestamp}
 * (an ISO-8601 instant), signed with the Ed25519 key {@code keyId}. The signature covers the UTF-8 bytes of
 * {@code giaoban-tree-head/v1\n{service}\n{treeSize}\n{rootHash}\n{timestamp}}; hashes and the signature are lowercase
 * hex.
 */
@Schema(description = "A signed tree head: the ledger's size and root hash at an instant, signed with Ed25519")
public record TreeHead(
        @Schema(description = "The service whose ledger", example = "tasks")
        String service,

        @Schema(description = "The leaves (events) in the tree", example = "1234")
        long treeSize,

        @Schema(
                description = "The tree's root, SHA-256 in lowercase hex",
                example = "9c1e5a0f3b7d2c8e4a6f1b9d0c3e7a5f2b8d4c6e0a9f3b1d7c5e2a8f4b6d0c9e")
        String rootHash,

        @Schema(description = "When it was signed (ISO-8601)", example = "2022-10-06T01:30:00Z")
        String timestamp,

        @Schema(description = "The key that signed it (GET /api/audit/keys)", example = "tasks-2022")
        String keyId,

        @Schema(
                description = "Ed25519 over giaoban-tree-head/v1, service, treeSize, rootHash and timestamp,"
                        + " a line each; lowercase hex")
        String signature) {

    /** The first line of every signed text: a signature over it means nothing else. */
    public static final String SIGNED_TEXT_VERSION = "giaoban-tree-head/v1";

    private static final HexFormat HEX = HexFormat.of();

    /** Signs the head of a tree with {@code key}. */
    public static TreeHead sign(
            String service, long treeSize, byte[] rootHash, String timestamp, LedgerSigningKey key) {
        String root = HEX.formatHex(rootHash);
        byte[] signature = key.sign(signedBytes(service, treeSize, root, timestamp));
        return new TreeHead(service, treeSize, root, timestamp, key.keyId(), HEX.formatHex(signature));
    }

    /** The bytes the signature covers. */
    public static byte[] signedBytes(String service, long treeSize, String rootHash, String timestamp) {
        return (SIGNED_TEXT_VERSION + "\n" + service + "\n" + treeSize + "\n" + rootHash + "\n" + timestamp)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the signature is {@code publicKey}'s over this head; a malformed signature is not. */
    public boolean isSignedBy(PublicKey publicKey) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(signedBytes(service, treeSize, rootHash, timestamp));
            return verifier.verify(HEX.parseHex(signature));
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }

    public byte[] rootHashBytes() {
        return HEX.parseHex(rootHash);
    }

    /** {@code {service, treeSize, rootHash, timestamp, keyId, signature}}, as the API shows it. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("service", service);
        json.put("treeSize", treeSize);
        json.put("rootHash", rootHash);
        json.put("timestamp", timestamp);
        json.put("keyId", keyId);
        json.put("signature", signature);
        return json;
    }
}
