package dev.aispend.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The consistency proof of docs/ledger-format.md, section 4: the tree checkpoint {@code first} signed is a prefix
 * of the tree checkpoint {@code second} signed, so nothing before {@code firstTreeSize} was changed since. The
 * hashes are copied in and out; equality is by reference (records compare arrays so).
 */
public record ConsistencyProof(
        long firstTreeSize,
        long secondTreeSize,
        List<byte[]> proof,
        Checkpoint first,
        Checkpoint second) {

    public ConsistencyProof {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        proof = InclusionProof.copyOfHashes(proof, "proof");
    }

    /** Builds the proof between two checkpoints of the same ledger; what the ledger's API answers. */
    public static ConsistencyProof create(Checkpoint first, Checkpoint second, SubtreeHashes hashes) {
        List<byte[]> nodes = MerkleTree.consistencyProof(first.treeSize(), second.treeSize(), hashes);
        // Post-condition: never hand out a proof that does not verify.
        if (!MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), first.merkleRoot(),
                second.merkleRoot(), nodes)) {
            throw new IllegalStateException("checkpoint " + second.checkpointNumber()
                    + " is not consistent with checkpoint " + first.checkpointNumber());
        }
        return new ConsistencyProof(first.treeSize(), second.treeSize(), nodes, first, second);
    }

    public static ConsistencyProof fromJson(Map<String, Object> json) {
        return new ConsistencyProof(
                JsonFields.longMember(json, "firstTreeSize"),
                JsonFields.longMember(json, "secondTreeSize"),
                JsonFields.hashListMember(json, "proof"),
                Checkpoint.fromJson(JsonFields.objectMember(json, "first")),
                Checkpoint.fromJson(JsonFields.objectMember(json, "second")));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("firstTreeSize", firstTreeSize);
        json.put("secondTreeSize", secondTreeSize);
        json.put("proof", JsonFields.hexList(proof));
        json.put("first", first.toJson());
        json.put("second", second.toJson());
        return json;
    }

    @Override
    public List<byte[]> proof() {
        return InclusionProof.copyOfHashes(proof, "proof");
    }
}
