package org.giaoban.platform.ledger;

/**
 * A complete subtree of the Merkle tree: the {@code 2^level} leaves from {@code index × 2^level} on. Level 0 is a
 * leaf. Every node of an RFC 9162 tree is either such a subtree or a fold of a few of them along the tree's right edge,
 * so a store of their hashes answers any proof from O(log n) rows.
 */
public record Subtree(int level, long index) {

    public Subtree {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
        }
    }

    /** The index of its first leaf. */
    public long start() {
        return index << level;
    }

    /** Its number of leaves. */
    public long size() {
        return 1L << level;
    }
}
