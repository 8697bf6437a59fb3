package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.EntryHash;
import dev.aispend.audit.MerkleFrontier;
import dev.aispend.ledger.entries.LedgerEntryStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies the stored ledger from its bytes: recomputes every entry hash (docs/ledger-format.md), checks the
 * positions are gapless, every link, and at every checkpoint in range the chain head, the Merkle root (rebuilt
 * with a frontier, O(log n) memory) and the Ed25519 signature; at the head, ledger_head's hash; and that the
 * indexed audit columns still say what the sealed payload says. Entries and checkpoints are streamed through
 * cursors in ONE repeatable-read transaction, so memory stays bounded at any size and everything is read from
 * one snapshot. Stops at the first damage and names its position.
 */
@Singleton
public final class LedgerVerifier {
    private final TransactionOperations<Connection> transactions;
    private final LedgerEntryStore entries;
    private final CheckpointStore checkpoints;
    private final SigningKeys keys;
    private final VerificationStatus status;

    LedgerVerifier(TransactionOperations<Connection> transactions, LedgerEntryStore entries,
                   CheckpointStore checkpoints, SigningKeys keys, VerificationStatus status) {
        this.transactions = transactions;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.status = status;
    }

    public CheckpointStore.Head head() {
        return ConnectionReads.read(transactions, "the ledger head", checkpoints::head);
    }

    /** Verifies positions {@code from}..{@code to} (inclusive; to within the head). */
    public VerificationReport verify(long from, long to) {
        return verify(from, to, new AtomicLong());
    }

    /** As {@link #verify(long, long)}, counting the entries read so far into {@code progress} as it goes. */
    public VerificationReport verify(long from, long to, AtomicLong progress) {
        return ConnectionReads.read(transactions, "the ledger for verification", connection -> {
            try (Statement isolation = connection.createStatement()) {
                isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            }
            CheckpointStore.Head head = checkpoints.head(connection);
            if (from < 1 || to < from - 1 || to > head.position()) {
                throw new IllegalArgumentException("the range " + from + ".." + to + " is not within 1.."
                        + head.position());
            }
            VerificationRun run = startRun(connection, from, to);
            if (!run.damaged()) {
                try (CheckpointCursor cursor = new CheckpointCursor(connection, run.anchorPosition(), to)) {
                    run.useCheckpoints(cursor);
                    long[] expected = {run.anchorPosition() + 1};
                    entries.forEachInRange(expected[0], to, Long.MAX_VALUE, entry -> {
                        run.check(entry, expected[0]);
                        expected[0]++;
                        progress.incrementAndGet();
                        return !run.damaged();
                    });
                    run.finish(expected[0] - 1, head, checkpointBeyond(connection, head.position()));
                }
            }
            if (!run.damaged()) {
                firstAttributeMismatch(connection, from, to).ifPresent(run::attributeMismatch);
            }
            return status.completed(run.report());
        });
    }

    /**
     * A run starts from the last checkpoint before {@code from}, with its stored frontier, so later roots are
     * rebuilt without reading from position 1; that checkpoint is checked first (its signature, and that its
     * frontier gives its signed root), and a failure there is reported, not worked around.
     */
    private VerificationRun startRun(Connection connection, long from, long to) throws SQLException {
        Optional<CheckpointStore.StoredCheckpoint> base = checkpoints.latestBefore(connection, from);
        if (base.isEmpty()) {
            return new VerificationRun(from, to, EntryHash.GENESIS, new MerkleFrontier(), keys);
        }
        Checkpoint checkpoint = base.get().checkpoint();
        MerkleFrontier frontier = MerkleFrontier.fromBytes(base.get().frontier());
        VerificationRun run = new VerificationRun(from, to, checkpoint.chainHeadHash(), frontier, keys);
        run.checkBase(checkpoint);
        return run;
    }

    /** The first position in range whose audit columns differ from what its payload says (the trigger's rule). */
    private static Optional<Long> firstAttributeMismatch(Connection connection, long from, long to)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.ledgerPosition "
                + "FROM DomainEventEntry d CROSS JOIN LATERAL copy_entry_attributes(d) a "
                + "WHERE d.ledgerPosition BETWEEN ? AND ? AND (d.recordedAt, d.occurredAt, d.team, d.personRef, "
                + "d.source, d.policyId, d.model) IS DISTINCT FROM (a.recordedAt, a.occurredAt, a.team, "
                + "a.personRef, a.source, a.policyId, a.model) ORDER BY d.ledgerPosition LIMIT 1")) {
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean checkpointBeyond(Connection connection, long head) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM ledger_signed_checkpoint WHERE tree_size > ?)")) {
            select.setLong(1, head);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
