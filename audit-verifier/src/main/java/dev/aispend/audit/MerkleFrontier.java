package dev.aispend.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of the whole ledger kept incrementally, in memory of O(log n): its frontier, the roots of the
 * perfect subtrees that the binary decomposition of n cuts the leaves into, left (largest) to right (smallest).
 * Appending is amortized O(1) hashes; {@link #root()} folds the frontier in O(log n). Not thread-safe: the ledger
 * appends from its single writer.
 */
public final class MerkleFrontier {

    /** Told of every perfect subtree an append completes, so the ledger can store aligned subtree roots. */
    @FunctionalInterface
    public interface CompletedSubtreeListener {
        /**
         * A perfect subtree of {@code 2^level} leaves starting at {@code startLeafIndex} (a multiple of
         * {@code 2^level}) now exists with root {@code hash}; level 0 is a single leaf (its leaf hash).
         */
        void subtreeCompleted(int level, long startLeafIndex, byte[] hash);
    }

    private static final CompletedSubtreeListener NO_LISTENER = (level, startLeafIndex, hash) -> { };

    private final List<byte[]> roots;
    private final CompletedSubtreeListener listener;
    private long size;

    public MerkleFrontier() {
        this(NO_LISTENER);
    }

    public MerkleFrontier(CompletedSubtreeListener listener) {
        this(0, new ArrayList<>(), listener);
    }

    private MerkleFrontier(long size, List<byte[]> roots, CompletedSubtreeListener listener) {
        this.size = size;
        this.roots = roots;
        this.listener = Objects.requireNonNull(listener, "listener");
        assertInvariant();
    }

    /**
     * Appends the leaf of the next entry (position {@code size() + 1}). The listener hears of every completed
     * subtree before the frontier changes, so a listener that throws (a failed insert) leaves it as it was.
     */
    public void append(byte[] entryHash) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        byte[] merged = MerkleTree.leafHash(entryHash);
        long startLeafIndex = size;
        int level = 0;
        listener.subtreeCompleted(level, startLeafIndex, merged.clone());
        // Each trailing one bit of the old size is a subtree as large as the one just completed: they merge.
        int mergedRoots = 0;
        for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
            mergedRoots++;
            merged = MerkleTree.nodeHash(roots.get(roots.size() - mergedRoots), merged);
            startLeafIndex -= 1L << level;
            level++;
            listener.subtreeCompleted(level, startLeafIndex, merged.clone());
        }
        roots.subList(roots.size() - mergedRoots, roots.size()).clear();
        roots.add(merged);
        size++;
        assert startLeafIndex == size - (1L << level) && startLeafIndex % (1L << level) == 0;
        assertInvariant();
    }

    public long size() {
        return size;
    }

    /** {@code MTH(D[n])}: the frontier folded right to left, as the RFC's recursion splits at the largest subtree. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] folded = roots.get(roots.size() - 1);
        for (int index = roots.size() - 2; index >= 0; index--) {
            folded = MerkleTree.nodeHash(roots.get(index), folded);
        }
        return folded.clone();
    }

    /** The frontier's subtree roots, left to right; their sizes are the one bits of {@link #size()}, high to low. */
    public List<byte[]> subtreeRoots() {
        List<byte[]> copies = new ArrayList<>(roots.size());
        roots.forEach(root -> copies.add(root.clone()));
        return copies;
    }

    /**
     * The state to persist: {@code i64(size)} (big-endian) followed by each frontier root, 32 bytes, left to
     * right: {@code 8 + 32 * bitCount(size)} bytes in all.
     */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(8 + Sha256.LENGTH * roots.size());
        buffer.putLong(size);
        roots.forEach(buffer::put);
        assert !buffer.hasRemaining();
        return buffer.array();
    }

    public static MerkleFrontier fromBytes(byte[] bytes) {
        return fromBytes(bytes, NO_LISTENER);
    }

    /** Reads {@link #toBytes()}; refuses a negative size or a root count other than {@code bitCount(size)}. */
    public static MerkleFrontier fromBytes(byte[] bytes, CompletedSubtreeListener listener) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < 8 || (bytes.length - 8) % Sha256.LENGTH != 0) {
            throw new IllegalArgumentException("a frontier is 8 + 32k bytes, not " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long size = buffer.getLong();
        if (size < 0) {
            throw new IllegalArgumentException("a frontier's size cannot be negative: " + size);
        }
        int count = (bytes.length - 8) / Sha256.LENGTH;
        if (count != Long.bitCount(size)) {
            throw new IllegalArgumentException("a frontier of size " + size + " has " + Long.bitCount(size)
                    + " roots, these bytes hold " + count);
        }
        List<byte[]> roots = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            byte[] root = new byte[Sha256.LENGTH];
            buffer.get(root);
            roots.add(root);
        }
        return new MerkleFrontier(size, roots, listener);
    }

    private void assertInvariant() {
        if (roots.size() != Long.bitCount(size)) {
            throw new IllegalStateException(
                    "frontier of size " + size + " holds " + roots.size() + " roots, not " + Long.bitCount(size));
        }
    }
}
