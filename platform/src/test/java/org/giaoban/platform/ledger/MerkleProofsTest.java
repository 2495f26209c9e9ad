package org.giaoban.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Merkle math against the Certificate Transparency reference vectors (the eight leaves of the RFC 6962 test tree,
 * its roots and paths) and against a naive implementation of RFC 9162's recursive definitions.
 */
class MerkleProofsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<String> CT_LEAF_DATA =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final List<byte[]> CT_LEAVES =
            CT_LEAF_DATA.stream().map(HEX::parseHex).map(MerkleTree::leafHash).toList();
    private static final SubtreeHashes CT_TREE = SubtreeHashes.ofLeaves(CT_LEAVES);

    @Test
    void theRootsOfTheReferenceTreeMatchForEverySizeFromEmptyToEight() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleProofs.root(size, CT_TREE)))
                    .as("size %d", size)
                    .isEqualTo(CT_ROOTS.get(size));
            assertThat(HEX.formatHex(MerkleTree.root(CT_LEAVES.subList(0, size))))
                    .isEqualTo(CT_ROOTS.get(size));
            assertThat(HEX.formatHex(frontierOf(CT_LEAVES.subList(0, size)).root()))
                    .isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void theReferenceInclusionPathsAreGeneratedAndVerify() {
        assertInclusion(
                0,
                8,
                List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertInclusion(
                5,
                8,
                List.of(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertInclusion(0, 1, List.of());
    }

    @Test
    void theReferenceConsistencyProofsAreGeneratedAndVerify() {
        assertConsistency(
                2,
                5,
                List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
        assertConsistency(
                6,
                8,
                List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertConsistency(
                6,
                7,
                List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertConsistency(1, 1, List.of());
    }

    @Test
    void everyProofOfTreesUpTo300LeavesAgreesWithTheNaiveDefinitionAndVerifies() {
        Random random = new Random(20221201L);
        List<byte[]> leaves = new ArrayList<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        Set<Subtree> closedSubtrees = new HashSet<>();
        for (int size = 1; size <= 300; size++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            leaves.add(MerkleTree.leafHash(data));
            frontier.append(leaves.get(size - 1)).forEach(closed -> closedSubtrees.add(closed.subtree()));
            SubtreeHashes tree = SubtreeHashes.ofLeaves(leaves);
            byte[] root = naiveRoot(leaves.subList(0, size));

            assertThat(MerkleProofs.root(size, tree)).isEqualTo(root);
            assertThat(frontier.root()).isEqualTo(root);
            int leaf = random.nextInt(size);
            List<byte[]> path = MerkleProofs.inclusionProof(leaf, size, tree);
            assertThat(path).containsExactlyElementsOf(naivePath(leaf, leaves.subList(0, size)));
            assertThat(MerkleProofs.verifyInclusion(leaves.get(leaf), leaf, size, path, root))
                    .isTrue();
            int from = 1 + random.nextInt(size);
            List<byte[]> proof = MerkleProofs.consistencyProof(from, size, tree);
            assertThat(proof).containsExactlyElementsOf(naiveProof(from, leaves.subList(0, size)));
            assertThat(MerkleProofs.verifyConsistency(from, size, naiveRoot(leaves.subList(0, from)), root, proof))
                    .isTrue();
        }
        // The frontier names each complete subtree once, when its last leaf arrives: 2n - popcount(n) of them.
        assertThat(closedSubtrees).hasSize(2 * 300 - Long.bitCount(300));
    }

    @Test
    void aProofDoesNotVerifyForAnotherLeafAnotherIndexOrAnotherRoot() {
        List<byte[]> path = MerkleProofs.inclusionProof(5, 8, CT_TREE);
        byte[] root = HEX.parseHex(CT_ROOTS.get(8));

        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(4), 5, 8, path, root))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(5), 4, 8, path, root))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(5), 5, 8, path, HEX.parseHex(CT_ROOTS.get(7))))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(5), 5, 8, path.subList(0, 2), root))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(CT_LEAVES.get(5), 8, 8, path, root))
                .isFalse();
    }

    @Test
    void aConsistencyProofDoesNotVerifyForAnAlteredOlderTree() {
        List<byte[]> proof = MerkleProofs.consistencyProof(6, 8, CT_TREE);
        byte[] root6 = HEX.parseHex(CT_ROOTS.get(6));
        byte[] root8 = HEX.parseHex(CT_ROOTS.get(8));
        List<byte[]> altered = new ArrayList<>(CT_LEAVES.subList(0, 6));
        altered.set(2, MerkleTree.leafHash(new byte[] {0x11}));

        assertThat(MerkleProofs.verifyConsistency(6, 8, root6, root8, proof)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(6, 8, MerkleTree.root(altered), root8, proof))
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 8, root6, root8, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 8, root6, root8, proof.subList(1, 3)))
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(8, 6, root8, root6, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 8, root6, root8, List.of()))
                .isFalse();
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(8, 8, CT_TREE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(-1, 8, CT_TREE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(5, 4, CT_TREE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProofOfAMillionLeafTreeAsksForAFewDozenSubtrees() {
        long size = 1_000_003;
        Set<Subtree> asked = new HashSet<>();
        SubtreeHashes counting = subtrees -> {
            asked.addAll(subtrees);
            java.util.Map<Subtree, byte[]> hashes = new java.util.HashMap<>();
            subtrees.forEach(subtree -> hashes.put(subtree, new byte[MerkleTree.HASH_LENGTH]));
            return hashes;
        };

        MerkleProofs.inclusionProof(size - 1, size, counting);
        MerkleProofs.consistencyProof(999_999, size, counting);

        assertThat(asked.size()).isLessThanOrEqualTo(4 * 20);
    }

    private static void assertInclusion(int leaf, int size, List<String> expected) {
        List<byte[]> path = MerkleProofs.inclusionProof(leaf, size, CT_TREE);
        assertThat(path).extracting(HEX::formatHex).containsExactlyElementsOf(expected);
        assertThat(MerkleProofs.verifyInclusion(
                        CT_LEAVES.get(leaf), leaf, size, path, HEX.parseHex(CT_ROOTS.get(size))))
                .isTrue();
    }

    private static void assertConsistency(int from, int to, List<String> expected) {
        List<byte[]> proof = MerkleProofs.consistencyProof(from, to, CT_TREE);
        assertThat(proof).extracting(HEX::formatHex).containsExactlyElementsOf(expected);
        assertThat(MerkleProofs.verifyConsistency(
                        from, to, HEX.parseHex(CT_ROOTS.get(from)), HEX.parseHex(CT_ROOTS.get(to)), proof))
                .isTrue();
    }

    private static MerkleFrontier frontierOf(List<byte[]> leaves) {
        MerkleFrontier frontier = MerkleFrontier.empty();
        leaves.forEach(frontier::append);
        return frontier;
    }

    // The definitions of RFC 9162 2.1.1, 2.1.3.1 and 2.1.4.1, word for word, over leaf hashes in memory.

    private static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return MerkleTree.nodeHash(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> naivePath(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m < k) {
            path.addAll(naivePath(m, leaves.subList(0, k)));
            path.add(naiveRoot(leaves.subList(k, n)));
        } else {
            path.addAll(naivePath(m - k, leaves.subList(k, n)));
            path.add(naiveRoot(leaves.subList(0, k)));
        }
        return path;
    }

    private static List<byte[]> naiveProof(int m, List<byte[]> leaves) {
        return m == leaves.size() ? List.of() : naiveSubproof(m, leaves, true);
    }

    private static List<byte[]> naiveSubproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(naiveRoot(leaves));
            }
            return proof;
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        if (m <= k) {
            proof.addAll(naiveSubproof(m, leaves.subList(0, k), b));
            proof.add(naiveRoot(leaves.subList(k, n)));
        } else {
            proof.addAll(naiveSubproof(m - k, leaves.subList(k, n), false));
            proof.add(naiveRoot(leaves.subList(0, k)));
        }
        return proof;
    }
}
