package dev.aispend.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inclusion proof of docs/ledger-format.md, section 4: entry {@code position} is leaf {@code leafIndex} of the
 * tree that checkpoint {@code checkpointNumber} signed. Carries the entry and the checkpoint, so it can be checked
 * alone. The hashes are copied in and out; equality is by reference (records compare arrays so).
 */
public record InclusionProof(
        long position,
        long leafIndex,
        long treeSize,
        long checkpointNumber,
        byte[] entryHash,
        List<byte[]> auditPath,
        LedgerEntryFields entry,
        Checkpoint checkpoint) {

    public InclusionProof {
        Sha256.requireHash(entryHash, "entryHash");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(checkpoint, "checkpoint");
        entryHash = entryHash.clone();
        auditPath = copyOfHashes(auditPath, "auditPath");
    }

    /** Builds the proof of {@code entry} in the tree {@code checkpoint} signed; what the ledger's API answers. */
    public static InclusionProof create(LedgerEntryFields entry, Checkpoint checkpoint, SubtreeHashes hashes) {
        long leafIndex = entry.position() - 1;
        List<byte[]> path = MerkleTree.inclusionProof(leafIndex, checkpoint.treeSize(), hashes);
        InclusionProof proof = new InclusionProof(entry.position(), leafIndex, checkpoint.treeSize(),
                checkpoint.checkpointNumber(), entry.entryHash(), path, entry, checkpoint);
        // Post-condition: never hand out a proof that does not verify.
        if (!MerkleTree.verifyInclusion(leafIndex, checkpoint.treeSize(), entry.entryHash(), path,
                checkpoint.merkleRoot())) {
            throw new IllegalStateException("the inclusion proof of position " + entry.position()
                    + " does not verify against checkpoint " + checkpoint.checkpointNumber());
        }
        return proof;
    }

    public static InclusionProof fromJson(Map<String, Object> json) {
        return new InclusionProof(
                JsonFields.longMember(json, "position"),
                JsonFields.longMember(json, "leafIndex"),
                JsonFields.longMember(json, "treeSize"),
                JsonFields.longMember(json, "checkpointNumber"),
                JsonFields.hashMember(json, "entryHash"),
                JsonFields.hashListMember(json, "auditPath"),
                LedgerEntryFields.fromEnvelopeJson(JsonFields.objectMember(json, "entry")),
                Checkpoint.fromJson(JsonFields.objectMember(json, "checkpoint")));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", position);
        json.put("leafIndex", leafIndex);
        json.put("treeSize", treeSize);
        json.put("checkpointNumber", checkpointNumber);
        json.put("entryHash", Hex.encode(entryHash));
        json.put("auditPath", JsonFields.hexList(auditPath));
        json.put("entry", entry.toEnvelopeJson());
        json.put("checkpoint", checkpoint.toJson());
        return json;
    }

    @Override
    public byte[] entryHash() {
        return entryHash.clone();
    }

    @Override
    public List<byte[]> auditPath() {
        return copyOfHashes(auditPath, "auditPath");
    }

    static List<byte[]> copyOfHashes(List<byte[]> hashes, String name) {
        Objects.requireNonNull(hashes, name);
        return hashes.stream().map(hash -> {
            Sha256.requireHash(hash, "an element of " + name);
            return hash.clone();
        }).toList();
    }
}
