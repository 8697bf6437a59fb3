package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.CheckpointSigner;
import dev.aispend.audit.EntryHash;
import dev.aispend.audit.MerkleFrontier;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Makes signed checkpoints: extends the Merkle frontier of the last checkpoint with the entry hashes appended
 * since (read in chunks, so memory stays bounded however far behind it is), signs position, chain head, root and
 * time, and stores the checkpoint with its frontier in one transaction. Never rehashes the ledger from the start.
 * The time is wall-clock on purpose: a checkpoint attests when the ledger was in that state; no decision reads it.
 */
@Singleton
public final class Checkpointer {
    /** Entry hashes read per query while extending the tree: 10,000 x 32 bytes. */
    static final int CHUNK_ENTRIES = 10_000;

    private final TransactionOperations<Connection> transactions;
    private final CheckpointStore store;
    private final SigningKeys keys;
    private final Clock clock;

    Checkpointer(TransactionOperations<Connection> transactions, CheckpointStore store, SigningKeys keys) {
        this.transactions = transactions;
        this.store = store;
        this.keys = keys;
        this.clock = Clock.systemUTC();
    }

    /** A checkpoint of the ledger as committed now, or empty if nothing was appended since the last one. */
    public synchronized Optional<Checkpoint> checkpointNow() {
        return transactions.executeWrite(status -> {
            try {
                return checkpoint(status.getConnection());
            } catch (SQLException failure) {
                throw new IllegalStateException("could not make a checkpoint", failure);
            }
        });
    }

    /** How many entries were appended after the last checkpoint, and when that one was issued (null: none yet). */
    public record Backlog(long entries, String lastIssuedAt) {
    }

    public Backlog backlog() {
        return ConnectionReads.read(transactions, "the checkpoint backlog", connection -> {
            Optional<CheckpointStore.StoredCheckpoint> latest = store.latest(connection);
            long covered = latest.map(stored -> stored.checkpoint().treeSize()).orElse(0L);
            return new Backlog(store.head(connection).position() - covered,
                    latest.map(stored -> stored.checkpoint().issuedAt()).orElse(null));
        });
    }

    private Optional<Checkpoint> checkpoint(Connection connection) throws SQLException {
        long head = store.head(connection).position();
        Optional<CheckpointStore.StoredCheckpoint> latest = store.latest(connection);
        long covered = latest.map(stored -> stored.checkpoint().treeSize()).orElse(0L);
        if (head == covered) {
            return Optional.empty();
        }
        if (head < covered) {
            throw new IllegalStateException("the ledger head " + head + " is behind checkpoint tree size " + covered
                    + ": entries were removed");
        }
        List<CheckpointStore.Subtree> completed = new ArrayList<>();
        MerkleFrontier.CompletedSubtreeListener keep = (level, startLeaf, hash) -> {
            if (level >= CheckpointStore.LOWEST_STORED_LEVEL) {
                completed.add(new CheckpointStore.Subtree(level, startLeaf, hash));
            }
        };
        MerkleFrontier frontier = latest.map(stored -> MerkleFrontier.fromBytes(stored.frontier(), keep))
                .orElseGet(() -> new MerkleFrontier(keep));
        // Extend only what was signed: the stored frontier must give the last checkpoint's signed root.
        if (latest.isPresent() && !Arrays.equals(frontier.root(), latest.get().checkpoint().merkleRoot())) {
            throw new IllegalStateException("the stored frontier of checkpoint "
                    + latest.get().checkpoint().checkpointNumber() + " does not give its signed root; refusing to "
                    + "sign a checkpoint on top of it");
        }
        byte[] chainHead = latest.map(stored -> stored.checkpoint().chainHeadHash()).orElse(EntryHash.GENESIS);
        for (long start = covered + 1; start <= head; start += CHUNK_ENTRIES) {
            long end = Math.min(head, start + CHUNK_ENTRIES - 1);
            for (byte[] entryHash : store.linkedEntryHashes(connection, start, end, chainHead)) {
                frontier.append(entryHash);
                chainHead = entryHash;
            }
            store.insertSubtrees(connection, completed);
            completed.clear();
        }
        if (frontier.size() != head) {
            throw new IllegalStateException("the tree has " + frontier.size() + " leaves, the ledger " + head);
        }
        long number = latest.map(stored -> stored.checkpoint().checkpointNumber() + 1).orElse(1L);
        Checkpoint checkpoint = CheckpointSigner.sign(keys.privateKey(), keys.keyId(), number, head, chainHead,
                frontier.root(), clock.instant().toString());
        store.insert(connection, checkpoint, frontier);
        return Optional.of(checkpoint);
    }
}
