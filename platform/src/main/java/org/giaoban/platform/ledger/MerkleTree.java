package org.giaoban.platform.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The hashes of RFC 9162 section 2.1 with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an interior node
 * {@code SHA-256(0x01 || left || right)}, the tree over n leaves splits at the largest power of two below n, and the
 * empty tree's root is {@code SHA-256()}.
 */
public final class MerkleTree {

    /** The length of every hash, in bytes. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {}

    public static byte[] leafHash(byte[] leafData) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(leafData);
        return sha256.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root of the tree with no leaves. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root over these leaf hashes, by the definition's recursion: for tests and small trees. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int split = (int) largestPowerOfTwoBelow(leafHashes.size());
        return nodeHash(root(leafHashes.subList(0, split)), root(leafHashes.subList(split, leafHashes.size())));
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): where a tree of n leaves splits. */
    public static long largestPowerOfTwoBelow(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves does not split");
        }
        return Long.highestOneBit(n - 1);
    }

    /** A fresh SHA-256, cloned from one made once: looking the algorithm up costs more than hashing a leaf. */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static final MessageDigest SHA256 = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
