package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.CheckpointSigner;
import dev.aispend.audit.EntryHash;
import dev.aispend.audit.Hex;
import dev.aispend.audit.MerkleFrontier;
import dev.aispend.ledger.entries.StoredEntry;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The state of one verification while entries stream through it, in position order: the running chain hash,
 * the Merkle frontier, the checkpoints met on the way, and the first damage found (after which it stops).
 */
final class VerificationRun {
    private final long from;
    private final long to;
    private final long anchorPosition;
    private final MerkleFrontier frontier;
    private final SigningKeys keys;
    private final long startedNanos = System.nanoTime();
    private CheckpointCursor checkpoints;
    private byte[] previousHash;
    private long lastGoodCheckpointSize;
    private long verifiedEntries;
    private long checkpointsVerified;
    private Long firstBadPosition;
    private String damage;
    private Long damagedCheckpoint;
    private String detail;

    /** Starts after {@code frontier.size()} entries (a checkpoint's, or none) whose last hash is {@code anchorHash}. */
    VerificationRun(long from, long to, byte[] anchorHash, MerkleFrontier frontier, SigningKeys keys) {
        this.from = from;
        this.to = to;
        this.anchorPosition = frontier.size();
        this.previousHash = anchorHash;
        this.lastGoodCheckpointSize = anchorPosition;
        this.frontier = frontier;
        this.keys = keys;
    }

    long anchorPosition() {
        return anchorPosition;
    }

    boolean damaged() {
        return damage != null;
    }

    void useCheckpoints(CheckpointCursor cursor) {
        this.checkpoints = cursor;
    }

    /** The checkpoint a range verification starts from must itself be signed and match its stored frontier. */
    void checkBase(Checkpoint base) {
        if (!signatureValid(base)) {
            damage(from, VerificationReport.BAD_SIGNATURE, "checkpoint " + base.checkpointNumber()
                    + ", where this range starts, is not signed by a trusted key; verify from position 1");
            damagedCheckpoint = base.checkpointNumber();
        } else if (!Arrays.equals(frontier.root(), base.merkleRoot())) {
            damage(from, VerificationReport.CHECKPOINT_MISMATCH, "the stored Merkle frontier of checkpoint "
                    + base.checkpointNumber() + ", where this range starts, does not give its signed root; "
                    + "verify from position 1");
            damagedCheckpoint = base.checkpointNumber();
        }
    }

    void check(StoredEntry entry, long expectedPosition) {
        if (entry.position() != expectedPosition) {
            damage(expectedPosition, entry.position() > expectedPosition ? VerificationReport.MISSING_POSITION
                    : VerificationReport.UNEXPECTED_POSITION, "found position " + entry.position());
            return;
        }
        if (!Arrays.equals(entry.previousHash(), previousHash)) {
            damage(expectedPosition, VerificationReport.BROKEN_LINK, "previousHash " + Hex.encode(entry.previousHash())
                    + " is not the entry hash before it, " + Hex.encode(previousHash));
            return;
        }
        Optional<Integer> schemaVersion = canonicalSchemaVersion(entry.schemaVersion());
        byte[] recomputed = schemaVersion.map(version -> EntryHash.of(previousHash, entry.position(),
                entry.eventId(), entry.eventType(), version, entry.recordedAt(), entry.payload())).orElse(null);
        if (recomputed == null || !Arrays.equals(recomputed, entry.entryHash())) {
            damage(expectedPosition, VerificationReport.HASH_MISMATCH, recomputed == null
                    ? "the stored schema version '" + entry.schemaVersion() + "' is not a version number"
                    : "stored " + Hex.encode(entry.entryHash()) + ", recomputed from the stored bytes "
                            + Hex.encode(recomputed));
            return;
        }
        previousHash = entry.entryHash();
        frontier.append(entry.entryHash());
        if (entry.position() >= from) {
            verifiedEntries++;
        }
        checkCheckpointAt(entry.position());
    }

    /** The version as hashed ("1"): a stored text that is not exactly a canonical decimal is damage. */
    private static Optional<Integer> canonicalSchemaVersion(String stored) {
        try {
            int version = Integer.parseInt(stored);
            return Integer.toString(version).equals(stored) ? Optional.of(version) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private void checkCheckpointAt(long position) {
        for (Checkpoint checkpoint = checkpoints.takeAt(position); checkpoint != null;
             checkpoint = checkpoints.takeAt(position)) {
            if (!signatureValid(checkpoint)) {
                damage(position, VerificationReport.BAD_SIGNATURE, "checkpoint " + checkpoint.checkpointNumber()
                        + " is not signed by a trusted key (its keyId " + checkpoint.keyId() + ")");
                damagedCheckpoint = checkpoint.checkpointNumber();
                return;
            }
            if (!Arrays.equals(checkpoint.chainHeadHash(), previousHash)
                    || !Arrays.equals(checkpoint.merkleRoot(), frontier.root())) {
                damage(lastGoodCheckpointSize + 1, VerificationReport.CHECKPOINT_MISMATCH,
                        "the entries " + (lastGoodCheckpointSize + 1) + ".." + position + " are consistent with each "
                                + "other but not with signed checkpoint " + checkpoint.checkpointNumber()
                                + ": they were rewritten after it was signed");
                damagedCheckpoint = checkpoint.checkpointNumber();
                return;
            }
            checkpointsVerified++;
            lastGoodCheckpointSize = position;
        }
    }

    private boolean signatureValid(Checkpoint checkpoint) {
        Optional<PublicKey> key = keys.trustedPublicKey(checkpoint.keyId());
        return key.isPresent() && CheckpointSigner.verify(checkpoint, key.get());
    }

    /** After the last entry read: the range must have been complete, and at the head, match ledger_head. */
    void finish(long lastPositionRead, CheckpointStore.Head head, boolean checkpointBeyondHead) {
        if (damaged()) {
            return;
        }
        if (lastPositionRead < to) {
            damage(lastPositionRead + 1, VerificationReport.TRUNCATED, "the ledger ends at " + lastPositionRead
                    + " but its head says " + head.position());
        } else if (to == head.position() && to > 0 && !Arrays.equals(previousHash, head.hash())) {
            damage(to, VerificationReport.HEAD_MISMATCH, "ledger_head's hash is not the last entry's");
        } else if (to == head.position() && checkpointBeyondHead) {
            damage(to + 1, VerificationReport.TRUNCATED, "a signed checkpoint covers entries beyond the head");
        }
    }

    void attributeMismatch(long position) {
        damage(position, VerificationReport.ATTRIBUTE_MISMATCH, "the indexed columns (occurredAt, recordedAt, "
                + "team, personRef, source, policyId, model) are not what the sealed payload says");
    }

    VerificationReport report() {
        long elapsedMillis = Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000);
        long rate = verifiedEntries * 1000 / Math.max(1, elapsedMillis);
        return new VerificationReport(from, to, !damaged(), verifiedEntries, checkpointsVerified, elapsedMillis, rate,
                firstBadPosition, damage, damagedCheckpoint, detail);
    }

    private void damage(long position, String kind, String description) {
        firstBadPosition = position;
        damage = kind;
        detail = description;
    }
}
