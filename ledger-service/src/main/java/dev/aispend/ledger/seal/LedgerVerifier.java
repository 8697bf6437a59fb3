package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.CheckpointSigner;
import dev.aispend.audit.EntryHash;
import dev.aispend.audit.MerkleFrontier;
import dev.aispend.ledger.entries.LedgerEntryStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the stored ledger from its bytes: recomputes every entry hash (docs/ledger-format.md), checks the
 * positions are gapless, every link, and at every checkpoint in range the chain head, the Merkle root (rebuilt
 * with a frontier, O(log n) memory) and the Ed25519 signature; at the head, ledger_head's hash. Entries are
 * streamed, so memory stays bounded at any size. Stops at the first damage and names its position.
 */
@Singleton
public final class LedgerVerifier {
    private final TransactionOperations<Connection> transactions;
    private final LedgerEntryStore entries;
    private final CheckpointStore checkpoints;
    private final SigningKeys keys;

    LedgerVerifier(TransactionOperations<Connection> transactions, LedgerEntryStore entries,
                   CheckpointStore checkpoints, SigningKeys keys) {
        this.transactions = transactions;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    /** The committed head: the last position and its hash. */
    public record Head(long position, byte[] hash) {
    }

    public Head head() {
        return read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT last_position, last_hash FROM ledger_head WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new Head(row.getLong(1), row.getBytes(2));
            }
        });
    }

    /** Verifies positions {@code from}..{@code to} (inclusive; to within the head). */
    public VerificationReport verify(long from, long to) {
        Head head = head();
        if (from < 1 || to < from - 1 || to > head.position()) {
            throw new IllegalArgumentException("the range " + from + ".." + to + " is not within 1.." + head.position());
        }
        VerificationRun run = startRun(from, to, head);
        long start = Math.max(1, run.anchorPosition() + 1);
        long[] expected = {start};
        entries.forEachInRange(start, to, Long.MAX_VALUE, entry -> {
            run.check(entry, expected[0]);
            expected[0]++;
            return !run.damaged();
        });
        run.finish(expected[0] - 1, head);
        return run.report();
    }

    /**
     * A run starts from the last checkpoint before {@code from} whose stored frontier matches its signed root, so
     * the Merkle roots of later checkpoints can be rebuilt without reading the ledger from position 1.
     */
    private VerificationRun startRun(long from, long to, Head head) {
        return read(connection -> {
            List<Checkpoint> all = checkpoints.after(connection, 0, Integer.MAX_VALUE);
            MerkleFrontier frontier = new MerkleFrontier();
            long anchor = 0;
            byte[] anchorHash = EntryHash.GENESIS;
            Optional<CheckpointStore.StoredCheckpoint> base = baseCheckpoint(connection, all, from);
            if (base.isPresent()) {
                MerkleFrontier stored = MerkleFrontier.fromBytes(base.get().frontier());
                Checkpoint checkpoint = base.get().checkpoint();
                if (Arrays.equals(stored.root(), checkpoint.merkleRoot())
                        && CheckpointSigner.verify(checkpoint, keys.publicKey())) {
                    frontier = stored;
                    anchor = checkpoint.treeSize();
                    anchorHash = checkpoint.chainHeadHash();
                }
            }
            List<Checkpoint> inRange = all.stream()
                    .filter(checkpoint -> checkpoint.treeSize() > 0 && checkpoint.treeSize() <= to).toList();
            long lastGood = anchor;
            return new VerificationRun(from, to, anchor, anchorHash, lastGood, frontier, inRange, keys.publicKey(),
                    all.stream().anyMatch(checkpoint -> checkpoint.treeSize() > head.position()));
        });
    }

    private Optional<CheckpointStore.StoredCheckpoint> baseCheckpoint(Connection connection, List<Checkpoint> all,
                                                                        long from) throws SQLException {
        Checkpoint best = null;
        for (Checkpoint checkpoint : all) {
            if (checkpoint.treeSize() < from) {
                best = checkpoint;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        long number = best.checkpointNumber();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT frontier FROM ledger_signed_checkpoint WHERE checkpoint_number = ?")) {
            select.setLong(1, number);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new CheckpointStore.StoredCheckpoint(best, row.getBytes(1)))
                        : Optional.empty();
            }
        }
    }

    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T read(ConnectionWork<T> work) {
        return transactions.executeRead(status -> {
            try {
                return work.apply(status.getConnection());
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read the ledger for verification", failure);
            }
        });
    }
}
