package dev.aispend.audit;

/**
 * Where {@link MerkleTree} reads the hashes of subtrees when it builds a proof. The ledger implements it over
 * PostgreSQL (with cached subtree roots), {@link InMemoryLeaves} over a list.
 *
 * <p>The proofs only ever ask for a node of the RFC 9162 tree of the size being proven: a range
 * {@code [start, end)} that is either a perfect subtree (size a power of two, {@code start} a multiple of it) or the
 * right edge of the tree ({@code end} equal to that tree size, {@code start} a multiple of a power of two at least
 * {@code end - start}). An implementation may rely on this to serve perfect subtrees from a cache.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * {@code MTH(D[start:end])} of RFC 9162 section 2.1.1, over the leaves (entry hashes) with zero-based indexes
     * {@code start} (included) to {@code end} (excluded), {@code 0 <= start < end}.
     */
    byte[] rootOf(long startLeafIndex, long endLeafIndexExclusive);
}
