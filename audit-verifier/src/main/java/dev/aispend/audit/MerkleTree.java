package dev.aispend.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of RFC 9162 section 2.1 over the ledger's entry hashes (docs/ledger-format.md, section 2): its
 * hashes, its inclusion and consistency proofs, and their verification. Leaf index = position - 1.
 */
public final class MerkleTree {

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private MerkleTree() {
    }

    /** {@code MTH({}) = SHA-256()}: the root of the tree of no entries. */
    public static byte[] emptyRoot() {
        return Sha256.digest();
    }

    /** {@code SHA-256(0x00 || entryHash)}: the prefix keeps a leaf from ever being read as an inner node. */
    public static byte[] leafHash(byte[] entryHash) {
        Sha256.requireHash(entryHash, "entryHash");
        return Sha256.digest(LEAF_PREFIX, entryHash);
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Sha256.requireHash(left, "left");
        Sha256.requireHash(right, "right");
        return Sha256.digest(NODE_PREFIX, left, right);
    }

    /** The RFC's split point k: the largest power of two strictly smaller than {@code count} (count >= 2). */
    static long largestPowerOfTwoBelow(long count) {
        if (count < 2) {
            throw new IllegalArgumentException("only a tree of two or more leaves splits, not " + count);
        }
        long split = Long.highestOneBit(count - 1);
        assert split < count && split * 2 >= count;
        return split;
    }

    /**
     * {@code PATH(m, D[n])} of RFC 9162 section 2.1.3.1, m = {@code leafIndex}, n = {@code treeSize}: the sibling
     * hashes from the leaf up to the root.
     */
    public static List<byte[]> inclusionProof(long leafIndex, long treeSize, SubtreeHashes hashes) {
        Objects.requireNonNull(hashes, "hashes");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException(
                    "leaf index " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        // Walks down from the root; each step keeps the half holding the leaf and records the other half.
        List<byte[]> siblingsFromRoot = new ArrayList<>();
        long start = 0;
        long end = treeSize;
        while (end - start > 1) {
            long split = start + largestPowerOfTwoBelow(end - start);
            if (leafIndex < split) {
                siblingsFromRoot.add(checkedRoot(hashes, split, end));
                end = split;
            } else {
                siblingsFromRoot.add(checkedRoot(hashes, start, split));
                start = split;
            }
        }
        assert start == leafIndex && end == leafIndex + 1;
        Collections.reverse(siblingsFromRoot);
        return siblingsFromRoot;
    }

    /**
     * {@code PROOF(m, D[n]) = SUBPROOF(m, D[n], true)} of RFC 9162 section 2.1.4.1, m = {@code firstSize},
     * n = {@code secondSize}, {@code 0 <= m <= n}; empty when m == n, and from the empty tree (m == 0, which the
     * RFC leaves out: every tree extends it, see {@link #verifyConsistency}).
     */
    public static List<byte[]> consistencyProof(long firstSize, long secondSize, SubtreeHashes hashes) {
        Objects.requireNonNull(hashes, "hashes");
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException(
                    "no consistency proof from tree size " + firstSize + " to " + secondSize);
        }
        if (firstSize == 0) {
            return new ArrayList<>();
        }
        // SUBPROOF unrolled: 'remaining' is m within the subtree [start, end); 'wholeFirstTree' is the RFC's b.
        List<byte[]> nodesFromRoot = new ArrayList<>();
        long start = 0;
        long end = secondSize;
        long remaining = firstSize;
        boolean wholeFirstTree = true;
        while (remaining != end - start) {
            long split = largestPowerOfTwoBelow(end - start);
            if (remaining <= split) {
                nodesFromRoot.add(checkedRoot(hashes, start + split, end));
                end = start + split;
            } else {
                nodesFromRoot.add(checkedRoot(hashes, start, start + split));
                start += split;
                remaining -= split;
                wholeFirstTree = false;
            }
        }
        if (!wholeFirstTree) {
            nodesFromRoot.add(checkedRoot(hashes, start, end));
        }
        Collections.reverse(nodesFromRoot);
        return nodesFromRoot;
    }

    /**
     * The verification of RFC 9162 section 2.1.3.2: whether {@code path} proves that the leaf of
     * {@code entryHash} is at {@code leafIndex} in the tree of {@code treeSize} leaves with root {@code root}.
     * Anything malformed (an index outside the tree, a hash of the wrong length) is a failed proof, not an error.
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] entryHash, List<byte[]> path,
                                          byte[] root) {
        return ProofVerification.inclusion(leafIndex, treeSize, entryHash, path, root);
    }

    /**
     * The verification of RFC 9162 section 2.1.4.2: whether {@code proof} shows that the tree of
     * {@code firstSize} leaves and root {@code firstRoot} is a prefix of the tree of {@code secondSize} leaves
     * and root {@code secondRoot}. The RFC states it for {@code 0 < first < second}; for equal sizes the proof
     * must be empty and the roots equal, and from size 0 (every tree extends the empty tree) the proof must be
     * empty and {@code firstRoot} the empty root.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        return ProofVerification.consistency(firstSize, secondSize, firstRoot, secondRoot, proof);
    }

    private static byte[] checkedRoot(SubtreeHashes hashes, long start, long end) {
        byte[] root = hashes.rootOf(start, end);
        Sha256.requireHash(root, "root of subtree [" + start + ", " + end + ")");
        return root;
    }
}
