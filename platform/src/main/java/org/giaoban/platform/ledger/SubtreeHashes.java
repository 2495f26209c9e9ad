package org.giaoban.platform.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where the hashes of complete subtrees come from: the ledger's table, or leaf hashes in memory. */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * The hashes of these complete subtrees, all in one go so that a store answers with one query. Every subtree
     * asked for lies within the tree the caller knows of; one that is missing is an error of the source.
     */
    Map<Subtree, byte[]> hashesOf(Set<Subtree> subtrees);

    /** Subtree hashes computed from leaf hashes held in memory. */
    static SubtreeHashes ofLeaves(List<byte[]> leafHashes) {
        return subtrees -> {
            Map<Subtree, byte[]> hashes = new HashMap<>();
            for (Subtree subtree : subtrees) {
                long end = subtree.start() + subtree.size();
                if (end > leafHashes.size()) {
                    throw new IllegalArgumentException(subtree + " lies beyond " + leafHashes.size() + " leaves");
                }
                hashes.put(subtree, MerkleTree.root(leafHashes.subList((int) subtree.start(), (int) end)));
            }
            return hashes;
        };
    }
}
