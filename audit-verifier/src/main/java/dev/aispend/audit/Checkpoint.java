package dev.aispend.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signed checkpoint, the ledger's signed tree head (docs/ledger-format.md, section 3): the ledger of
 * {@code treeSize} entries had this chain head and this Merkle root, said the holder of key {@code keyId}. Arrays
 * are copied in and out, so an instance cannot change after it was checked.
 */
public record Checkpoint(
        long checkpointNumber,
        long treeSize,
        byte[] chainHeadHash,
        byte[] merkleRoot,
        String issuedAt,
        String keyId,
        byte[] signature) {

    /** Separates what a checkpoint key signs from anything else the same key could ever sign. */
    static final byte[] DOMAIN_TAG = "aispend-ledger-checkpoint/1\n".getBytes(StandardCharsets.UTF_8);
    public static final int SIGNATURE_LENGTH = 64;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        requireSignable(checkpointNumber, treeSize, chainHeadHash, merkleRoot, issuedAt);
        Objects.requireNonNull(keyId, "keyId");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a keyId is 64 lower-case hex digits, not \"" + keyId + "\"");
        }
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature is " + SIGNATURE_LENGTH + " bytes");
        }
        chainHeadHash = chainHeadHash.clone();
        merkleRoot = merkleRoot.clone();
        signature = signature.clone();
    }

    /** What the signature covers; {@code keyId} is not covered, it only names the key to check with. */
    public byte[] signedBytes() {
        return signedBytes(checkpointNumber, treeSize, chainHeadHash, merkleRoot, issuedAt);
    }

    /**
     * {@code tag || i64(checkpointNumber) || i64(treeSize) || chainHeadHash || merkleRoot || str(issuedAt)}, for a
     * checkpoint not signed yet.
     */
    public static byte[] signedBytes(long checkpointNumber, long treeSize, byte[] chainHeadHash, byte[] merkleRoot,
                                     String issuedAt) {
        requireSignable(checkpointNumber, treeSize, chainHeadHash, merkleRoot, issuedAt);
        byte[] signed = new SpecBytes()
                .raw(DOMAIN_TAG)
                .signed64(checkpointNumber)
                .signed64(treeSize)
                .raw(chainHeadHash)
                .raw(merkleRoot)
                .string(issuedAt)
                .toByteArray();
        assert signed.length >= DOMAIN_TAG.length + 16 + 2 * Sha256.LENGTH + 4;
        return signed;
    }

    private static void requireSignable(long checkpointNumber, long treeSize, byte[] chainHeadHash,
                                        byte[] merkleRoot, String issuedAt) {
        if (checkpointNumber < 1) {
            throw new IllegalArgumentException("checkpoint numbers start at 1, was " + checkpointNumber);
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + treeSize);
        }
        Sha256.requireHash(chainHeadHash, "chainHeadHash");
        Sha256.requireHash(merkleRoot, "merkleRoot");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public static Checkpoint fromJson(Map<String, Object> json) {
        return new Checkpoint(
                JsonFields.longMember(json, "checkpointNumber"),
                JsonFields.longMember(json, "treeSize"),
                JsonFields.hashMember(json, "chainHeadHash"),
                JsonFields.hashMember(json, "merkleRoot"),
                JsonFields.stringMember(json, "issuedAt"),
                JsonFields.stringMember(json, "keyId"),
                JsonFields.base64Member(json, "signature"));
    }

    /** The exported form of section 3. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpointNumber", checkpointNumber);
        json.put("treeSize", treeSize);
        json.put("chainHeadHash", Hex.encode(chainHeadHash));
        json.put("merkleRoot", Hex.encode(merkleRoot));
        json.put("issuedAt", issuedAt);
        json.put("keyId", keyId);
        json.put("signature", Base64.getEncoder().encodeToString(signature));
        return json;
    }

    @Override
    public byte[] chainHeadHash() {
        return chainHeadHash.clone();
    }

    @Override
    public byte[] merkleRoot() {
        return merkleRoot.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && checkpointNumber == that.checkpointNumber
                && treeSize == that.treeSize
                && Arrays.equals(chainHeadHash, that.chainHeadHash)
                && Arrays.equals(merkleRoot, that.merkleRoot)
                && issuedAt.equals(that.issuedAt)
                && keyId.equals(that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpointNumber, treeSize, Arrays.hashCode(chainHeadHash), Arrays.hashCode(merkleRoot),
                issuedAt, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Checkpoint[checkpointNumber=" + checkpointNumber + ", treeSize=" + treeSize
                + ", chainHeadHash=" + Hex.encode(chainHeadHash) + ", merkleRoot=" + Hex.encode(merkleRoot)
                + ", issuedAt=" + issuedAt + ", keyId=" + keyId
                + ", signature=" + Base64.getEncoder().encodeToString(signature) + "]";
    }
}
