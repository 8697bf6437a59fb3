package dev.aispend.ledger.seal;

import dev.aispend.audit.InMemoryLeaves;
import dev.aispend.audit.MerkleTree;
import dev.aispend.audit.SubtreeHashes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Merkle subtree roots over the stored ledger, for proofs: an aligned perfect subtree of 2^8 leaves or more is
 * read from {@code merkle_subtree} (stored by the checkpoints), a range of at most 256 leaves is hashed from the
 * entry hashes, anything else is split as RFC 9162 splits it. A proof thus reads O(log n) stored roots and a few
 * hundred entry hashes, whatever the ledger's size. Uses the caller's connection.
 */
final class StoredSubtreeHashes implements SubtreeHashes {
    private static final long DIRECT_LEAVES = 1L << CheckpointStore.LOWEST_STORED_LEVEL;

    private final Connection connection;
    private final CheckpointStore store;

    StoredSubtreeHashes(Connection connection, CheckpointStore store) {
        this.connection = connection;
        this.store = store;
    }

    @Override
    public byte[] rootOf(long startLeafIndex, long endLeafIndexExclusive) {
        if (startLeafIndex < 0 || endLeafIndexExclusive <= startLeafIndex) {
            throw new IllegalArgumentException("no subtree [" + startLeafIndex + ", " + endLeafIndexExclusive + ")");
        }
        long size = endLeafIndexExclusive - startLeafIndex;
        try {
            if (Long.bitCount(size) == 1 && startLeafIndex % size == 0 && size >= DIRECT_LEAVES) {
                Optional<byte[]> stored = store.subtree(connection, Long.numberOfTrailingZeros(size), startLeafIndex);
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            if (size <= DIRECT_LEAVES) {
                // Positions are leaf indexes + 1.
                return new InMemoryLeaves(store.entryHashes(connection, startLeafIndex + 1, endLeafIndexExclusive))
                        .root();
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read subtree [" + startLeafIndex + ", "
                    + endLeafIndexExclusive + ")", failure);
        }
        long split = Long.highestOneBit(size - 1);
        return MerkleTree.nodeHash(rootOf(startLeafIndex, startLeafIndex + split),
                rootOf(startLeafIndex + split, endLeafIndexExclusive));
    }
}
