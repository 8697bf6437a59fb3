package dev.aispend.audit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** The {@code checkpoint} and {@code consistency} commands of {@link OfflineVerifier}. */
final class CheckpointCommands {

    private CheckpointCommands() {
    }

    /** {@code checkpoint --checkpoint cp.json --public-key key}. */
    static String checkpoint(CommandArguments arguments) throws UsageException, VerificationFailure {
        Path checkpointFile = arguments.requiredPath("checkpoint");
        Path keyFile = arguments.requiredPath("public-key");
        InputFiles.TrustedKey key = InputFiles.readPublicKey(keyFile);
        Checkpoint checkpoint = InputFiles.readCheckpoint(checkpointFile);
        requireSigned(checkpoint, key);
        return "OK checkpoint " + describe(checkpoint) + " with chain head " + Hex.encode(checkpoint.chainHeadHash())
                + ", issued " + checkpoint.issuedAt() + ", is signed by key " + key.keyId();
    }

    /** {@code consistency --proof consistency.json --public-key key [--old cp.json]}. */
    static String consistency(CommandArguments arguments) throws UsageException, VerificationFailure {
        Path proofFile = arguments.requiredPath("proof");
        InputFiles.TrustedKey key = InputFiles.readPublicKey(arguments.requiredPath("public-key"));
        Path keptFile = arguments.optionalPath("old");
        Checkpoint kept = keptFile == null ? null : InputFiles.readCheckpoint(keptFile);
        ConsistencyProof proof = readConsistencyProof(proofFile);
        Checkpoint first = proof.first();
        Checkpoint second = proof.second();
        if (kept != null && !kept.equals(first)) {
            throw new VerificationFailure("the proof starts from checkpoint " + describe(first)
                    + ", which is not the checkpoint kept in " + keptFile + ": " + describe(kept));
        }
        requireMatchingSizes(proof);
        requireSigned(first, key);
        requireSigned(second, key);
        if (!MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), first.merkleRoot(),
                second.merkleRoot(), proof.proof())) {
            throw new VerificationFailure("checkpoint " + describe(second) + " does not extend checkpoint "
                    + describe(first) + ": the consistency proof of " + proof.proof().size()
                    + " hashes does not verify");
        }
        if (first.treeSize() == second.treeSize()
                && !Arrays.equals(first.chainHeadHash(), second.chainHeadHash())) {
            throw new VerificationFailure("checkpoints " + first.checkpointNumber() + " and "
                    + second.checkpointNumber() + " cover the same entries but name different chain heads");
        }
        return "OK checkpoint " + describe(second) + " extends checkpoint " + describe(first)
                + (kept == null ? "" : ", the one kept in " + keptFile) + ": consistency proof of "
                + proof.proof().size() + " hashes verifies, both signed by key " + key.keyId();
    }

    private static ConsistencyProof readConsistencyProof(Path proofFile)
            throws UsageException, VerificationFailure {
        Map<String, Object> json = InputFiles.readJsonObject(proofFile);
        try {
            return ConsistencyProof.fromJson(json);
        } catch (IllegalArgumentException malformed) {
            throw new VerificationFailure(proofFile + " is not a consistency proof: " + malformed.getMessage(),
                    malformed);
        }
    }

    /** The sizes the proof states must be the ones its checkpoints signed, and a later checkpoint cannot shrink. */
    private static void requireMatchingSizes(ConsistencyProof proof) throws VerificationFailure {
        Checkpoint first = proof.first();
        Checkpoint second = proof.second();
        if (proof.firstTreeSize() != first.treeSize() || proof.secondTreeSize() != second.treeSize()) {
            throw new VerificationFailure("the proof is stated for tree sizes " + proof.firstTreeSize() + " to "
                    + proof.secondTreeSize() + ", but its checkpoints cover " + first.treeSize() + " and "
                    + second.treeSize());
        }
        if (first.checkpointNumber() > second.checkpointNumber() || first.treeSize() > second.treeSize()) {
            throw new VerificationFailure("checkpoint " + describe(second) + " cannot extend the later or larger "
                    + "checkpoint " + describe(first));
        }
    }

    /** The checkpoint names the given key and carries its valid signature. */
    static void requireSigned(Checkpoint checkpoint, InputFiles.TrustedKey key) throws VerificationFailure {
        if (!checkpoint.keyId().equals(key.keyId())) {
            throw new VerificationFailure("checkpoint " + checkpoint.checkpointNumber() + " names key "
                    + checkpoint.keyId() + ", but the given public key is " + key.keyId());
        }
        if (!CheckpointSigner.verify(checkpoint, key.publicKey())) {
            throw new VerificationFailure("checkpoint " + checkpoint.checkpointNumber()
                    + ": the signature does not verify with key " + key.keyId());
        }
    }

    /** "3 (tree size 3000, root 4a...)": what identifies a checkpoint to the auditor. */
    static String describe(Checkpoint checkpoint) {
        return checkpoint.checkpointNumber() + " (tree size " + checkpoint.treeSize() + ", root "
                + Hex.encode(checkpoint.merkleRoot()) + ")";
    }
}
