package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.MerkleFrontier;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed checkpoints, the aligned Merkle subtree roots they completed, and the entry hashes they are built from;
 * every method works on the caller's connection (and so its transaction).
 */
@Singleton
public final class CheckpointStore {
    /** Subtrees of 2^8 leaves and up are stored: a proof then reads at most 256 entry hashes per range. */
    public static final int LOWEST_STORED_LEVEL = 8;
    private static final String COLUMNS =
            "checkpoint_number, tree_size, chain_head_hash, merkle_root, issued_at, key_id, signature";

    /** A checkpoint with the frontier it left, so the next one extends it. */
    public record StoredCheckpoint(Checkpoint checkpoint, byte[] frontier) {
    }

    public Optional<StoredCheckpoint> latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", frontier "
                + "FROM ledger_signed_checkpoint ORDER BY checkpoint_number DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new StoredCheckpoint(read(row), row.getBytes(8))) : Optional.empty();
        }
    }

    /** The last checkpoint covering fewer than {@code position} entries, with its frontier. */
    public Optional<StoredCheckpoint> latestBefore(Connection connection, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", frontier "
                + "FROM ledger_signed_checkpoint WHERE tree_size < ? ORDER BY tree_size DESC LIMIT 1")) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StoredCheckpoint(read(row), row.getBytes(8))) : Optional.empty();
            }
        }
    }

    public Optional<Checkpoint> byNumber(Connection connection, long checkpointNumber) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM ledger_signed_checkpoint WHERE checkpoint_number = ?")) {
            select.setLong(1, checkpointNumber);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Checkpoints after {@code afterNumber}, oldest first, at most {@code limit}. */
    public List<Checkpoint> after(Connection connection, long afterNumber, int limit) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM ledger_signed_checkpoint WHERE checkpoint_number > ? ORDER BY checkpoint_number LIMIT ?")) {
            select.setLong(1, afterNumber);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checkpoints.add(read(rows));
                }
            }
        }
        return checkpoints;
    }

    public void insert(Connection connection, Checkpoint checkpoint, MerkleFrontier frontier) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_signed_checkpoint ("
                + COLUMNS + ", frontier) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.checkpointNumber());
            insert.setLong(2, checkpoint.treeSize());
            insert.setBytes(3, checkpoint.chainHeadHash());
            insert.setBytes(4, checkpoint.merkleRoot());
            insert.setString(5, checkpoint.issuedAt());
            insert.setString(6, checkpoint.keyId());
            insert.setBytes(7, checkpoint.signature());
            insert.setBytes(8, frontier.toBytes());
            insert.executeUpdate();
        }
    }

    /** Stores completed subtree roots; one already stored (a retried checkpoint) is left as it is. */
    public void insertSubtrees(Connection connection, List<Subtree> subtrees) throws SQLException {
        if (subtrees.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO merkle_subtree (level, start_leaf, "
                + "hash) VALUES (?, ?, ?) ON CONFLICT (level, start_leaf) DO NOTHING")) {
            for (Subtree subtree : subtrees) {
                insert.setInt(1, subtree.level());
                insert.setLong(2, subtree.startLeaf());
                insert.setBytes(3, subtree.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public Optional<byte[]> subtree(Connection connection, int level, long startLeaf) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT hash FROM merkle_subtree WHERE level = ? AND start_leaf = ?")) {
            select.setInt(1, level);
            select.setLong(2, startLeaf);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The entry hashes of positions {@code from}..{@code to} (inclusive), in order; checks none is missing. */
    public List<byte[]> entryHashes(Connection connection, long from, long to) throws SQLException {
        return entryHashes(connection, from, to, null);
    }

    /**
     * As {@link #entryHashes(Connection, long, long)}, also checking that each entry's previousHash is the hash
     * before it ({@code previousHash} for the first): a checkpoint signs only a chain that links, whatever happened
     * to the rows since the last one.
     */
    public List<byte[]> linkedEntryHashes(Connection connection, long from, long to, byte[] previousHash)
            throws SQLException {
        return entryHashes(connection, from, to, Objects.requireNonNull(previousHash, "previousHash"));
    }

    private List<byte[]> entryHashes(Connection connection, long from, long to, @Nullable byte[] previousHash)
            throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT ledgerPosition, previousHash, "
                + "entryHash FROM DomainEventEntry WHERE ledgerPosition BETWEEN ? AND ? ORDER BY ledgerPosition")) {
            select.setFetchSize(1000);
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet rows = select.executeQuery()) {
                byte[] expectedPrevious = previousHash;
                long expected = from;
                while (rows.next()) {
                    if (rows.getLong(1) != expected) {
                        throw new IllegalStateException("ledger position " + expected + " is missing");
                    }
                    if (expectedPrevious != null && !Arrays.equals(rows.getBytes(2), expectedPrevious)) {
                        throw new IllegalStateException("the ledger does not link at position " + expected
                                + "; no checkpoint is signed over it (run GET /v1/ledger/verify)");
                    }
                    byte[] entryHash = rows.getBytes(3);
                    hashes.add(entryHash);
                    expectedPrevious = previousHash == null ? null : entryHash;
                    expected++;
                }
                if (expected != to + 1) {
                    throw new IllegalStateException("ledger positions " + expected + ".." + to + " are missing");
                }
            }
        }
        return hashes;
    }

    /** The committed head: the last position and its hash. */
    public record Head(long position, byte[] hash) {
    }

    public Head head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_position, last_hash FROM ledger_head WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new Head(row.getLong(1), row.getBytes(2));
        }
    }

    /** A completed perfect subtree: 2^level leaves from startLeaf. */
    public record Subtree(int level, long startLeaf, byte[] hash) {
    }

    private static Checkpoint read(ResultSet row) throws SQLException {
        return new Checkpoint(row.getLong(1), row.getLong(2), row.getBytes(3), row.getBytes(4), row.getString(5),
                row.getString(6), row.getBytes(7));
    }
}
