package org.giaoban.platform.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the hashes of the complete subtrees that the binary form of its size names,
 * largest first. It is all that is needed to append a leaf, to name the complete subtrees the leaf closes, and to
 * compute the root, so sealing and verification run in memory that does not grow with the tree.
 */
public final class MerkleFrontier {

    private final List<byte[]> hashes;
    private long size;

    private MerkleFrontier(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    public static MerkleFrontier empty() {
        return new MerkleFrontier(0, new ArrayList<>());
    }

    /** The frontier of the tree of {@code size} leaves, from the subtrees {@link #subtreesOf} names, in that order. */
    public static MerkleFrontier of(long size, List<byte[]> subtreeHashes) {
        if (subtreeHashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException(
                    "a tree of " + size + " leaves has " + Long.bitCount(size) + " subtrees on its right edge");
        }
        return new MerkleFrontier(size, new ArrayList<>(subtreeHashes));
    }

    /** The complete subtrees along the right edge of the tree of {@code size} leaves, largest first. */
    public static List<Subtree> subtreesOf(long size) {
        List<Subtree> parts = new ArrayList<>();
        long at = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                parts.add(new Subtree(level, at >> level));
                at += 1L << level;
            }
        }
        return parts;
    }

    public long size() {
        return size;
    }

    /**
     * Appends a leaf; answers the complete subtrees it closes, the leaf itself first, with their hashes: the rows a
     * store of subtree hashes gains.
     */
    public List<SubtreeHash> append(byte[] leafHash) {
        List<SubtreeHash> closed = new ArrayList<>();
        long index = size;
        byte[] hash = leafHash;
        closed.add(new SubtreeHash(new Subtree(0, index), hash));
        int level = 0;
        while ((index & 1) == 1) {
            hash = MerkleTree.nodeHash(hashes.remove(hashes.size() - 1), hash);
            index >>= 1;
            level++;
            closed.add(new SubtreeHash(new Subtree(level, index), hash));
        }
        hashes.add(hash);
        size++;
        return closed;
    }

    /** The root of the tree as it stands. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(hashes.get(i), root);
        }
        return root;
    }

    /** A complete subtree with its hash. */
    public record SubtreeHash(Subtree subtree, byte[] hash) {}
}
