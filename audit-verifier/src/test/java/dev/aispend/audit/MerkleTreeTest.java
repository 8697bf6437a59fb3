package dev.aispend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final int MAXIMUM_SIZE = 64;
    private static final List<byte[]> ENTRY_HASHES = TestLedger.numberedEntryHashes(300);

    /** Roots over entry hashes SHA-256(i64(i)), computed once with an independent Python implementation. */
    private static final Map<Integer, String> PINNED_ROOTS = Map.of(
            0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            1, "aea833068048b82f42271c18e0076a5230cbc7d711c99de16a5917db14a3b044",
            2, "839757d78394f8ad59bc4621831d92396f5d3556fe0059846463a32a21dc9e04",
            3, "cc23a6e05f95099459e4b62703c223236972a78997b072a65500b30e26bb6ef3",
            5, "aa33f608b3c7398a5230804ae5bf2cbe372e3e517eab55ef21d7e8a1318b00d9",
            7, "3bae604504fcab1978311ba9984633ad88b8c104832990123345db6c816b77c8",
            8, "4f8510360e29047dc8a13d94eae1a0c1b13b9a9debcb179fea8f696965c9591a",
            64, "0d7d3624cef929eb6a99b47d33e24f14d1c9726777c3173645eaafb9d4198692",
            300, "b7ef1d7d147679e0fbdce0c0b3d901a0373bd48a560271cdf51bf005c9dedf96");

    @Test
    void rootsMatchAnIndependentImplementation() {
        PINNED_ROOTS.forEach((size, root) ->
                assertThat(Hex.encode(leaves(size).root())).as("size %d", size).isEqualTo(root));
    }

    @Test
    void hashesFollowRfc9162Prefixes() {
        byte[] entryHash = ENTRY_HASHES.get(0);
        assertThat(MerkleTree.leafHash(entryHash)).containsExactly(Sha256.digest(new byte[] {0}, entryHash));
        assertThat(MerkleTree.nodeHash(entryHash, entryHash))
                .containsExactly(Sha256.digest(new byte[] {1}, entryHash, entryHash));
        assertThat(Hex.encode(MerkleTree.emptyRoot())).isEqualTo(PINNED_ROOTS.get(0));
        assertThatThrownBy(() -> MerkleTree.leafHash(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyInclusionProofUpTo64LeavesIsTheRfcPathAndVerifies() {
        for (int size = 1; size <= MAXIMUM_SIZE; size++) {
            InMemoryLeaves leaves = leaves(size);
            byte[] root = leaves.root();
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(index, size, leaves);
                assertThat(path).as("PATH(%d, D[%d])", index, size)
                        .containsExactlyElementsOf(referencePath(index, 0, size));
                assertThat(MerkleTree.verifyInclusion(index, size, ENTRY_HASHES.get(index), path, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void everyAlteredInclusionProofUpTo64LeavesFails() {
        for (int size = 1; size <= MAXIMUM_SIZE; size++) {
            InMemoryLeaves leaves = leaves(size);
            byte[] root = leaves.root();
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(index, size, leaves);
                byte[] entryHash = ENTRY_HASHES.get(index);
                String what = "leaf " + index + " of " + size;
                assertThat(MerkleTree.verifyInclusion(index, size, ENTRY_HASHES.get(size), path, root))
                        .as("wrong leaf, " + what).isFalse();
                assertThat(MerkleTree.verifyInclusion(index, size, entryHash, path, flipped(root, 5)))
                        .as("wrong root, " + what).isFalse();
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion((index + 1) % size, size, entryHash, path, root))
                            .as("wrong index, " + what).isFalse();
                    assertThat(MerkleTree.verifyInclusion(index, size, entryHash, path.subList(0, path.size() - 1),
                            root)).as("shortened path, " + what).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(index, size, entryHash, longer, root))
                        .as("lengthened path, " + what).isFalse();
                for (int element = 0; element < path.size(); element++) {
                    List<byte[]> tampered = new ArrayList<>(path);
                    tampered.set(element, flipped(path.get(element), element));
                    assertThat(MerkleTree.verifyInclusion(index, size, entryHash, tampered, root))
                            .as("path element %d altered, %s", element, what).isFalse();
                }
            }
        }
    }

    @Test
    void refusesALeafOutsideTheTree() {
        InMemoryLeaves leaves = leaves(5);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(5, 5, leaves)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(-1, 5, leaves)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(0, 0, leaves)).isInstanceOf(IllegalArgumentException.class);
        List<byte[]> path = MerkleTree.inclusionProof(4, 5, leaves);
        assertThat(MerkleTree.verifyInclusion(5, 5, ENTRY_HASHES.get(4), path, leaves.root())).isFalse();
        assertThat(MerkleTree.verifyInclusion(-1, 5, ENTRY_HASHES.get(4), path, leaves.root())).isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 1, ENTRY_HASHES.get(0), List.of(), leaves(1).root())).isTrue();
    }

    @Test
    void everyConsistencyProofUpTo64LeavesIsTheRfcProofAndVerifies() {
        for (int second = 1; second <= MAXIMUM_SIZE; second++) {
            InMemoryLeaves leaves = leaves(second);
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(first, second, leaves);
                assertThat(proof).as("PROOF(%d, D[%d])", first, second)
                        .containsExactlyElementsOf(referenceSubproof(first, 0, second, true));
                assertThat(MerkleTree.verifyConsistency(first, second, leaves(first).root(), leaves.root(), proof))
                        .as("from %d to %d", first, second).isTrue();
            }
        }
    }

    @Test
    void everyAlteredConsistencyProofUpTo64LeavesFails() {
        for (int second = 1; second <= MAXIMUM_SIZE; second++) {
            byte[] secondRoot = leaves(second).root();
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = leaves(first).root();
                List<byte[]> proof = MerkleTree.consistencyProof(first, second, leaves(second));
                String what = "from " + first + " to " + second;
                assertThat(MerkleTree.verifyConsistency(first, second, flipped(firstRoot, 1), secondRoot, proof))
                        .as("wrong first root, " + what).isFalse();
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, flipped(secondRoot, 2), proof))
                        .as("wrong second root, " + what).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(secondRoot);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, longer))
                        .as("lengthened proof, " + what).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot,
                            proof.subList(0, proof.size() - 1))).as("shortened proof, " + what).isFalse();
                }
                for (int element = 0; element < proof.size(); element++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(element, flipped(proof.get(element), element));
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, tampered))
                            .as("proof element %d altered, %s", element, what).isFalse();
                }
            }
        }
    }

    @Test
    void equalSizesHaveAnEmptyProofAndNeedEqualRoots() {
        InMemoryLeaves leaves = leaves(13);
        assertThat(MerkleTree.consistencyProof(13, 13, leaves)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(13, 13, leaves.root(), leaves.root(), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(13, 13, leaves.root(), leaves(12).root(), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(13, 13, leaves.root(), leaves.root(), List.of(leaves.root())))
                .isFalse();
    }

    @Test
    void theEmptyTreeIsAPrefixOfEveryTreeButSizesCannotShrink() {
        InMemoryLeaves leaves = leaves(9);
        assertThat(MerkleTree.consistencyProof(0, 9, leaves)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(0, 9, MerkleTree.emptyRoot(), leaves.root(), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 9, leaves.root(), leaves.root(), List.of())).isFalse();
        assertThatThrownBy(() -> MerkleTree.consistencyProof(9, 8, leaves))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(-1, 8, leaves))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyConsistency(9, 8, leaves.root(), leaves(8).root(), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 9, leaves(3).root(), leaves.root(), List.of())).isFalse();
    }

    private static InMemoryLeaves leaves(int size) {
        return new InMemoryLeaves(ENTRY_HASHES.subList(0, size));
    }

    private static byte[] flipped(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[(bit / 8) % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    /** PATH(m, D[start:end]) written as RFC 9162 2.1.3.1 states it, recursively. */
    private static List<byte[]> referencePath(int index, int start, int end) {
        List<byte[]> path = new ArrayList<>();
        int count = end - start;
        if (count <= 1) {
            return path;
        }
        int split = Integer.highestOneBit(count - 1);
        if (index < split) {
            path.addAll(referencePath(index, start, start + split));
            path.add(leaves(end).rootOf(start + split, end));
        } else {
            path.addAll(referencePath(index - split, start + split, end));
            path.add(leaves(end).rootOf(start, start + split));
        }
        return path;
    }

    /** SUBPROOF(m, D[start:end], b) written as RFC 9162 2.1.4.1 states it, recursively. */
    private static List<byte[]> referenceSubproof(int first, int start, int end, boolean whole) {
        List<byte[]> proof = new ArrayList<>();
        int count = end - start;
        if (first == count) {
            if (!whole) {
                proof.add(leaves(end).rootOf(start, end));
            }
            return proof;
        }
        int split = Integer.highestOneBit(count - 1);
        if (first <= split) {
            proof.addAll(referenceSubproof(first, start, start + split, whole));
            proof.add(leaves(end).rootOf(start + split, end));
        } else {
            proof.addAll(referenceSubproof(first - split, start + split, end, false));
            proof.add(leaves(end).rootOf(start, start + split));
        }
        return proof;
    }
}
