package dev.aispend.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The hash of one ledger entry, chaining it to the one before (docs/ledger-format.md, section 1). */
public final class EntryHash {

    /** Separates entry hashes from every other SHA-256 the ledger computes (checkpoints, Merkle nodes). */
    static final byte[] DOMAIN_TAG = "aispend-ledger-entry/1\n".getBytes(StandardCharsets.UTF_8);

    /**
     * The {@code previousHash} of position 1: 32 zero bytes. An array is mutable, so never write into it; this
     * module's own checks compare against {@link #isGenesis(byte[])} and never read this field.
     */
    public static final byte[] GENESIS = new byte[Sha256.LENGTH];

    private EntryHash() {
    }

    /**
     * {@code SHA-256(tag || previousHash || i64(position) || str(eventId) || str(eventType)
     * || str(decimal(schemaVersion)) || str(recordedAt) || bytes(payload))}.
     */
    public static byte[] of(byte[] previousHash, long position, String eventId, String eventType, int schemaVersion,
                            String recordedAt, byte[] payload) {
        Sha256.requireHash(previousHash, "previousHash");
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1, was " + position);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1, was " + schemaVersion);
        }
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payload, "payload");
        byte[] hashed = new SpecBytes()
                .raw(DOMAIN_TAG)
                .raw(previousHash)
                .signed64(position)
                .string(eventId)
                .string(eventType)
                .string(Integer.toString(schemaVersion))
                .string(recordedAt)
                .lengthPrefixed(payload)
                .toByteArray();
        assert hashed.length >= DOMAIN_TAG.length + Sha256.LENGTH + 8 + 5 * 4 + payload.length;
        return Sha256.digest(hashed);
    }

    /** Whether {@code hash} is the genesis hash (32 zero bytes), without trusting {@link #GENESIS}' contents. */
    public static boolean isGenesis(byte[] hash) {
        Sha256.requireHash(hash, "hash");
        for (byte value : hash) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }
}
