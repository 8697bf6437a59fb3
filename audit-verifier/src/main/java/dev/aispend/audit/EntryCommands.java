package dev.aispend.audit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** The {@code entry} command of {@link OfflineVerifier}: one entry, proven included in a signed checkpoint. */
final class EntryCommands {

    private EntryCommands() {
    }

    /** {@code entry --proof proof.json --public-key key [--checkpoint cp.json]}. */
    static String entry(CommandArguments arguments) throws UsageException, VerificationFailure {
        Path proofFile = arguments.requiredPath("proof");
        InputFiles.TrustedKey key = InputFiles.readPublicKey(arguments.requiredPath("public-key"));
        Path keptFile = arguments.optionalPath("checkpoint");
        Checkpoint kept = keptFile == null ? null : InputFiles.readCheckpoint(keptFile);
        InclusionProof proof = readInclusionProof(proofFile);
        LedgerEntryFields entry = proof.entry();
        requireEntryHash(proof);
        Checkpoint checkpoint = kept == null ? proof.checkpoint() : requireSameTree(proof.checkpoint(), kept);
        requireProofFor(proof, checkpoint);
        CheckpointCommands.requireSigned(checkpoint, key);
        if (!MerkleTree.verifyInclusion(proof.leafIndex(), checkpoint.treeSize(), entry.entryHash(),
                proof.auditPath(), checkpoint.merkleRoot())) {
            throw new VerificationFailure("entry " + entry.position() + " is not included in checkpoint "
                    + CheckpointCommands.describe(checkpoint) + ": the audit path of "
                    + proof.auditPath().size() + " hashes does not lead to its root");
        }
        if (entry.position() == checkpoint.treeSize()
                && !Arrays.equals(entry.entryHash(), checkpoint.chainHeadHash())) {
            throw new VerificationFailure("entry " + entry.position() + " is the last of checkpoint "
                    + checkpoint.checkpointNumber() + ", but its entryHash is not the checkpoint's chain head");
        }
        return "OK entry " + entry.position() + " (entryHash " + Hex.encode(entry.entryHash())
                + ") is included in checkpoint " + CheckpointCommands.describe(checkpoint)
                + (kept == null ? "" : ", the one kept in " + keptFile) + ", signed by key " + key.keyId();
    }

    private static InclusionProof readInclusionProof(Path proofFile) throws UsageException, VerificationFailure {
        Map<String, Object> json = InputFiles.readJsonObject(proofFile);
        try {
            return InclusionProof.fromJson(json);
        } catch (IllegalArgumentException malformed) {
            throw new VerificationFailure(proofFile + " is not an inclusion proof: " + malformed.getMessage(),
                    malformed);
        }
    }

    /** The envelope's fields hash to its entryHash, which is the one the proof proves. */
    private static void requireEntryHash(InclusionProof proof) throws VerificationFailure {
        LedgerEntryFields entry = proof.entry();
        requireHashOfFields(entry);
        if (!Arrays.equals(proof.entryHash(), entry.entryHash())) {
            throw new VerificationFailure("entry " + entry.position() + ": the proof is for entryHash "
                    + Hex.encode(proof.entryHash()) + ", the entry's is " + Hex.encode(entry.entryHash()));
        }
        if (proof.position() != entry.position() || proof.leafIndex() != entry.position() - 1) {
            throw new VerificationFailure("the proof is for position " + proof.position() + " (leaf index "
                    + proof.leafIndex() + "), but its entry is position " + entry.position()
                    + " (leaf index " + (entry.position() - 1) + ")");
        }
    }

    /** Shared with the chain command: the stored entryHash is the hash of the stored fields. */
    static void requireHashOfFields(LedgerEntryFields entry) throws VerificationFailure {
        byte[] computed = entry.computeEntryHash();
        if (!Arrays.equals(computed, entry.entryHash())) {
            throw new VerificationFailure("position " + entry.position() + ": entryHash "
                    + Hex.encode(entry.entryHash()) + " is not the hash of its fields, " + Hex.encode(computed));
        }
        if (entry.position() == 1 && !EntryHash.isGenesis(entry.previousHash())) {
            throw new VerificationFailure("position 1: previousHash must be 32 zero bytes, is "
                    + Hex.encode(entry.previousHash()));
        }
    }

    /** The auditor's own copy of the checkpoint must describe the very tree the embedded one does. */
    private static Checkpoint requireSameTree(Checkpoint embedded, Checkpoint kept) throws VerificationFailure {
        if (embedded.checkpointNumber() != kept.checkpointNumber() || embedded.treeSize() != kept.treeSize()
                || !Arrays.equals(embedded.merkleRoot(), kept.merkleRoot())
                || !Arrays.equals(embedded.chainHeadHash(), kept.chainHeadHash())) {
            throw new VerificationFailure("the proof's checkpoint " + CheckpointCommands.describe(embedded)
                    + " is not the kept checkpoint " + CheckpointCommands.describe(kept));
        }
        return kept;
    }

    private static void requireProofFor(InclusionProof proof, Checkpoint checkpoint) throws VerificationFailure {
        if (proof.checkpointNumber() != checkpoint.checkpointNumber() || proof.treeSize() != checkpoint.treeSize()) {
            throw new VerificationFailure("the proof is stated for checkpoint " + proof.checkpointNumber()
                    + " (tree size " + proof.treeSize() + "), but checks against checkpoint "
                    + CheckpointCommands.describe(checkpoint));
        }
        if (proof.entry().position() > checkpoint.treeSize()) {
            throw new VerificationFailure("entry " + proof.entry().position() + " is after the last entry of "
                    + "checkpoint " + CheckpointCommands.describe(checkpoint));
        }
    }
}
