package dev.aispend.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The two verification algorithms of RFC 9162 (2.1.3.2 and 2.1.4.2), step by step; see {@link MerkleTree}. The
 * RFC's {@code fn} is {@code nodeIndex} here (the index of the node being folded, at the current level) and its
 * {@code sn} is {@code lastNodeIndex} (the index of the tree's last node at that level).
 */
final class ProofVerification {

    private ProofVerification() {
    }

    static boolean inclusion(long leafIndex, long treeSize, byte[] entryHash, List<byte[]> path, byte[] root) {
        // Step 1: an index outside the tree fails.
        if (leafIndex < 0 || leafIndex >= treeSize || !isHash(entryHash) || !isHash(root) || !allHashes(path)) {
            return false;
        }
        long nodeIndex = leafIndex;
        long lastNodeIndex = treeSize - 1;
        byte[] result = MerkleTree.leafHash(entryHash);
        for (byte[] sibling : path) {
            if (lastNodeIndex == 0) {
                return false; // A longer path than the tree is high.
            }
            if ((nodeIndex & 1) == 1 || nodeIndex == lastNodeIndex) {
                result = MerkleTree.nodeHash(sibling, result);
                while ((nodeIndex & 1) == 0 && nodeIndex != 0) {
                    nodeIndex >>= 1;
                    lastNodeIndex >>= 1;
                }
            } else {
                result = MerkleTree.nodeHash(result, sibling);
            }
            nodeIndex >>= 1;
            lastNodeIndex >>= 1;
        }
        return lastNodeIndex == 0 && MessageDigest.isEqual(result, root);
    }

    static boolean consistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                               List<byte[]> proof) {
        if (firstSize < 0 || firstSize > secondSize || !isHash(firstRoot) || !isHash(secondRoot)
                || !allHashes(proof)) {
            return false;
        }
        if (firstSize == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleTree.emptyRoot());
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        // Step 1: between different sizes an empty proof proves nothing.
        if (proof.isEmpty()) {
            return false;
        }
        // Step 2: when the first tree is perfect, it is itself a node of the second and the proof omits it.
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(firstSize) == 1) {
            path.add(firstRoot);
        }
        path.addAll(proof);
        // Steps 3 and 4.
        long nodeIndex = firstSize - 1;
        long lastNodeIndex = secondSize - 1;
        while ((nodeIndex & 1) == 1) {
            nodeIndex >>= 1;
            lastNodeIndex >>= 1;
        }
        return consistencyFold(nodeIndex, lastNodeIndex, path, firstRoot, secondRoot);
    }

    /** Steps 5 to 7: folds the path into both roots at once. */
    private static boolean consistencyFold(long nodeIndex, long lastNodeIndex, List<byte[]> path, byte[] firstRoot,
                                           byte[] secondRoot) {
        byte[] firstResult = path.get(0);
        byte[] secondResult = path.get(0);
        for (byte[] node : path.subList(1, path.size())) {
            if (lastNodeIndex == 0) {
                return false;
            }
            if ((nodeIndex & 1) == 1 || nodeIndex == lastNodeIndex) {
                firstResult = MerkleTree.nodeHash(node, firstResult);
                secondResult = MerkleTree.nodeHash(node, secondResult);
                while ((nodeIndex & 1) == 0 && nodeIndex != 0) {
                    nodeIndex >>= 1;
                    lastNodeIndex >>= 1;
                }
            } else {
                secondResult = MerkleTree.nodeHash(secondResult, node);
            }
            nodeIndex >>= 1;
            lastNodeIndex >>= 1;
        }
        return lastNodeIndex == 0 && MessageDigest.isEqual(firstResult, firstRoot)
                && MessageDigest.isEqual(secondResult, secondRoot);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == Sha256.LENGTH;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        if (hashes == null) {
            return false;
        }
        for (byte[] hash : hashes) {
            if (!isHash(hash)) {
                return false;
            }
        }
        return true;
    }
}
