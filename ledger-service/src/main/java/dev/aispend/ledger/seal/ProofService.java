package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.ConsistencyProof;
import dev.aispend.audit.InclusionProof;
import dev.aispend.audit.LedgerEntryFields;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.entries.StoredEntry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** Checkpoints and the RFC 9162 proofs an auditor checks offline with audit-verifier. */
@Singleton
public final class ProofService {
    private final TransactionOperations<Connection> transactions;
    private final CheckpointStore store;
    private final LedgerEntryStore entries;

    ProofService(TransactionOperations<Connection> transactions, CheckpointStore store, LedgerEntryStore entries) {
        this.transactions = transactions;
        this.store = store;
        this.entries = entries;
    }

    public Optional<Checkpoint> checkpoint(long checkpointNumber) {
        return read(connection -> store.byNumber(connection, checkpointNumber));
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return read(connection -> store.latest(connection).map(CheckpointStore.StoredCheckpoint::checkpoint));
    }

    public List<Checkpoint> checkpointsAfter(long afterNumber, int limit) {
        return read(connection -> store.after(connection, afterNumber, limit));
    }

    /** The inclusion proof of the entry at {@code position} in checkpoint {@code checkpointNumber}'s tree. */
    public InclusionProof inclusion(long position, Checkpoint checkpoint) {
        if (position < 1 || position > checkpoint.treeSize()) {
            throw new IllegalArgumentException("position " + position + " is not in checkpoint "
                    + checkpoint.checkpointNumber() + " (tree size " + checkpoint.treeSize() + ")");
        }
        List<StoredEntry> stored = entries.entriesAfter(position - 1, 1);
        if (stored.isEmpty() || stored.get(0).position() != position) {
            throw new IllegalStateException("ledger position " + position + " is missing");
        }
        LedgerEntryFields fields = fieldsOf(stored.get(0));
        return read(connection -> InclusionProof.create(fields, checkpoint,
                new StoredSubtreeHashes(connection, store)));
    }

    public ConsistencyProof consistency(Checkpoint first, Checkpoint second) {
        if (first.treeSize() > second.treeSize()) {
            throw new IllegalArgumentException("the first checkpoint must not be larger than the second");
        }
        return read(connection -> ConsistencyProof.create(first, second, new StoredSubtreeHashes(connection, store)));
    }

    static LedgerEntryFields fieldsOf(StoredEntry entry) {
        return new LedgerEntryFields(entry.position(), entry.eventId(), entry.eventType(),
                Integer.parseInt(entry.schemaVersion()), entry.recordedAt(),
                entry.occurredAt() == null ? null : entry.occurredAt().toString(), entry.previousHash(),
                entry.entryHash(), entry.payload());
    }

    private <T> T read(ConnectionReads.ConnectionWork<T> work) {
        return ConnectionReads.read(transactions, "checkpoints", work);
    }
}
