package dev.aispend.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry hashes of a (small) ledger held in memory, hashed the plain recursive way of RFC 9162 section 2.1.1.
 * The reference the faster forms ({@link MerkleFrontier}, the ledger's cached subtrees) are tested against.
 */
public final class InMemoryLeaves implements SubtreeHashes {

    private final List<byte[]> entryHashes;

    public InMemoryLeaves(List<byte[]> entryHashes) {
        List<byte[]> copies = new ArrayList<>(entryHashes.size());
        for (byte[] entryHash : entryHashes) {
            Sha256.requireHash(entryHash, "entry hash " + copies.size());
            copies.add(entryHash.clone());
        }
        this.entryHashes = copies;
    }

    public long size() {
        return entryHashes.size();
    }

    /** {@code MTH(D[n])} over every leaf; the empty tree's root when there are none. */
    public byte[] root() {
        return entryHashes.isEmpty() ? MerkleTree.emptyRoot() : rootOf(0, entryHashes.size());
    }

    @Override
    public byte[] rootOf(long startLeafIndex, long endLeafIndexExclusive) {
        if (startLeafIndex < 0 || startLeafIndex >= endLeafIndexExclusive || endLeafIndexExclusive > size()) {
            throw new IllegalArgumentException("no subtree [" + startLeafIndex + ", " + endLeafIndexExclusive
                    + ") in a tree of " + size() + " leaves");
        }
        long count = endLeafIndexExclusive - startLeafIndex;
        if (count == 1) {
            return MerkleTree.leafHash(entryHashes.get((int) startLeafIndex));
        }
        long split = MerkleTree.largestPowerOfTwoBelow(count);
        return MerkleTree.nodeHash(
                rootOf(startLeafIndex, startLeafIndex + split),
                rootOf(startLeafIndex + split, endLeafIndexExclusive));
    }
}
