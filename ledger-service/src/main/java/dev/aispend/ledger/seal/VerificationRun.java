package dev.aispend.ledger.seal;

import dev.aispend.audit.Checkpoint;
import dev.aispend.audit.CheckpointSigner;
import dev.aispend.audit.EntryHash;
import dev.aispend.audit.Hex;
import dev.aispend.audit.MerkleFrontier;
import dev.aispend.ledger.entries.StoredEntry;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one verification while entries stream through it, in position order: the running chain hash,
 * the Merkle frontier, the next checkpoint to meet, and the first damage found (after which it stops).
 */
final class VerificationRun {
    private final long from;
    private final long to;
    private final MerkleFrontier frontier;
    private final List<Checkpoint> checkpoints;
    private final PublicKey publicKey;
    private final boolean checkpointBeyondHead;
    private final long startedNanos = System.nanoTime();
    private byte[] previousHash;
    private long lastGoodCheckpointSize;
    private int nextCheckpoint;
    private long verifiedEntries;
    private long checkpointsVerified;
    private Long firstBadPosition;
    private String damage;
    private Long damagedCheckpoint;
    private String detail;

    VerificationRun(long from, long to, long anchorPosition, byte[] anchorHash, long lastGoodCheckpointSize,
                    MerkleFrontier frontier, List<Checkpoint> checkpoints, PublicKey publicKey,
                    boolean checkpointBeyondHead) {
        this.from = from;
        this.to = to;
        this.previousHash = anchorHash;
        this.lastGoodCheckpointSize = lastGoodCheckpointSize;
        this.frontier = frontier;
        this.checkpoints = checkpoints.stream().filter(checkpoint -> checkpoint.treeSize() > anchorPosition).toList();
        this.publicKey = publicKey;
        this.checkpointBeyondHead = checkpointBeyondHead;
        if (frontier.size() != anchorPosition) {
            throw new IllegalArgumentException("the frontier must hold exactly the anchor's entries");
        }
    }

    long anchorPosition() {
        return frontier.size();
    }

    boolean damaged() {
        return damage != null;
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
        byte[] recomputed = EntryHash.of(previousHash, entry.position(), entry.eventId(), entry.eventType(),
                Integer.parseInt(entry.schemaVersion()), entry.recordedAt(), entry.payload());
        if (!Arrays.equals(recomputed, entry.entryHash())) {
            damage(expectedPosition, VerificationReport.HASH_MISMATCH, "stored " + Hex.encode(entry.entryHash())
                    + ", recomputed from the stored bytes " + Hex.encode(recomputed));
            return;
        }
        previousHash = entry.entryHash();
        frontier.append(entry.entryHash());
        if (entry.position() >= from) {
            verifiedEntries++;
        }
        checkCheckpointAt(entry.position());
    }

    private void checkCheckpointAt(long position) {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == position) {
            Checkpoint checkpoint = checkpoints.get(nextCheckpoint++);
            if (!CheckpointSigner.verify(checkpoint, publicKey)) {
                damage(position, VerificationReport.BAD_SIGNATURE, "checkpoint " + checkpoint.checkpointNumber()
                        + " is not signed by key " + CheckpointSigner.keyIdOf(publicKey));
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

    /** After the last entry read: the range must have been complete, and at the head, match ledger_head. */
    void finish(long lastPositionRead, LedgerVerifier.Head head) {
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
