package org.giaoban.platform.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
public record TreeHead(
        String service, long treeSize, String rootHash, String timestamp, String keyId, String signature) {

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
