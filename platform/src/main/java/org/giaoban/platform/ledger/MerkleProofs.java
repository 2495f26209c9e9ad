package org.giaoban.platform.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inclusion and consistency proofs of RFC 9162: their generation (sections 2.1.3.1 and 2.1.4.1) from the hashes of
 * complete subtrees, and their verification (2.1.3.2 and 2.1.4.2) from the proof alone.
 *
 * <p>Generation first works out, by arithmetic only, which ranges of leaves the proof names; each range is the fold of
 * at most log n complete subtrees, and the ranges along the tree's right edge share theirs, so a proof needs O(log n)
 * subtree hashes, asked of the source in one call.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /** The root of the tree of {@code treeSize} leaves. */
    public static byte[] root(long treeSize, SubtreeHashes hashes) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree cannot have " + treeSize + " leaves");
        }
        if (treeSize == 0) {
            return MerkleTree.emptyRoot();
        }
        return fold(List.of(new Range(0, treeSize)), hashes).get(0);
    }

    /** The audit path of the leaf at {@code leafIndex} in the tree of {@code treeSize} leaves, leaf side first. */
    public static List<byte[]> inclusionProof(long leafIndex, long treeSize, SubtreeHashes hashes) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        List<Range> path = new ArrayList<>();
        inclusionRanges(leafIndex, 0, treeSize, path);
        return fold(path, hashes);
    }

    /**
     * The proof that the tree of {@code to} leaves extends the tree of {@code from}: empty when either is empty or
     * they are equal, as there is nothing to prove.
     */
    public static List<byte[]> consistencyProof(long from, long to, SubtreeHashes hashes) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        if (from == 0 || from == to) {
            return List.of();
        }
        List<Range> proof = new ArrayList<>();
        consistencyRanges(from, 0, to, true, proof);
        return fold(proof, hashes);
    }

    /** RFC 9162 2.1.3.2: whether {@code auditPath} proves the leaf in the tree with {@code root}. */
    public static boolean verifyInclusion(
            byte[] leafHash, long leafIndex, long treeSize, List<byte[]> auditPath, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : auditPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 2.1.4.2: whether {@code proof} shows that the tree of {@code to} leaves with {@code toRoot} extends the
     * tree of {@code from} leaves with {@code fromRoot}. Equal sizes need an empty proof and equal roots; every tree
     * extends the empty one.
     */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || from > to) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (from == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, MerkleTree.emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    /** PATH(m, D[start:start+n]) of RFC 9162 2.1.3.1, as the ranges whose roots it lists. */
    private static void inclusionRanges(long m, long start, long n, List<Range> path) {
        if (n == 1) {
            return;
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        if (m < k) {
            inclusionRanges(m, start, k, path);
            path.add(new Range(start + k, n - k));
        } else {
            inclusionRanges(m - k, start + k, n - k, path);
            path.add(new Range(start, k));
        }
    }

    /** SUBPROOF(m, D[start:start+n], b) of RFC 9162 2.1.4.1, as the ranges whose roots it lists. */
    private static void consistencyRanges(long m, long start, long n, boolean startsAtOldRoot, List<Range> proof) {
        if (m == n) {
            if (!startsAtOldRoot) {
                proof.add(new Range(start, n));
            }
            return;
        }
        long k = MerkleTree.largestPowerOfTwoBelow(n);
        if (m <= k) {
            consistencyRanges(m, start, k, startsAtOldRoot, proof);
            proof.add(new Range(start + k, n - k));
        } else {
            consistencyRanges(m - k, start + k, n - k, false, proof);
            proof.add(new Range(start, k));
        }
    }

    /** The roots of these ranges, from one request for the complete subtrees they are made of. */
    private static List<byte[]> fold(List<Range> ranges, SubtreeHashes hashes) {
        Set<Subtree> needed = new LinkedHashSet<>();
        for (Range range : ranges) {
            needed.addAll(range.subtrees());
        }
        Map<Subtree, byte[]> known = hashes.hashesOf(needed);
        List<byte[]> roots = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            List<Subtree> parts = range.subtrees();
            byte[] root = hashOf(parts.get(parts.size() - 1), known);
            for (int i = parts.size() - 2; i >= 0; i--) {
                root = MerkleTree.nodeHash(hashOf(parts.get(i), known), root);
            }
            roots.add(root);
        }
        return roots;
    }

    private static byte[] hashOf(Subtree subtree, Map<Subtree, byte[]> known) {
        byte[] hash = known.get(subtree);
        if (hash == null || hash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalStateException("the hash of " + subtree + " is not known");
        }
        return Arrays.copyOf(hash, hash.length);
    }

    /**
     * Leaves {@code [start, start + size)} as the RFC's recursion meets them: the complete subtrees, largest first,
     * whose fold from the right is the range's root. Such a range always starts at a multiple of its largest part.
     */
    private record Range(long start, long size) {

        List<Subtree> subtrees() {
            List<Subtree> parts = new ArrayList<>();
            long at = start;
            long left = size;
            while (left > 0) {
                long part = Long.highestOneBit(left);
                int level = Long.numberOfTrailingZeros(part);
                parts.add(new Subtree(level, at >> level));
                at += part;
                left -= part;
            }
            return parts;
        }
    }
}
