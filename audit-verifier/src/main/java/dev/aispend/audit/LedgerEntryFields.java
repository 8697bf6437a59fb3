package dev.aispend.audit;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry as the {@code ledger.v1} envelope publishes it (docs/ledger-format.md, section 1): everything the entry
 * hash covers, plus {@code occurredAt}, a convenience copy no hash covers (may be null). The arrays are copied in
 * and out, so an instance cannot change after it was checked.
 */
public record LedgerEntryFields(
        long position,
        String eventId,
        String eventType,
        int schemaVersion,
        String recordedAt,
        String occurredAt,
        byte[] previousHash,
        byte[] entryHash,
        byte[] payload) {

    public LedgerEntryFields {
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1, was " + position);
        }
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payload, "payload");
        Sha256.requireHash(previousHash, "previousHash");
        Sha256.requireHash(entryHash, "entryHash");
        previousHash = previousHash.clone();
        entryHash = entryHash.clone();
        payload = payload.clone();
    }

    /** Reads an envelope; members other than the nine of {@code ledger.v1} are ignored, as no hash covers them. */
    public static LedgerEntryFields fromEnvelopeJson(Map<String, Object> envelope) {
        return new LedgerEntryFields(
                JsonFields.longMember(envelope, "position"),
                JsonFields.stringMember(envelope, "eventId"),
                JsonFields.stringMember(envelope, "eventType"),
                JsonFields.intMember(envelope, "schemaVersion"),
                JsonFields.stringMember(envelope, "recordedAt"),
                JsonFields.optionalStringMember(envelope, "occurredAt"),
                JsonFields.hashMember(envelope, "previousHash"),
                JsonFields.hashMember(envelope, "entryHash"),
                JsonFields.base64Member(envelope, "payloadBase64"));
    }

    /** The envelope's JSON object, members in the order of contracts' {@code LedgerEnvelope}. */
    public Map<String, Object> toEnvelopeJson() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("position", position);
        envelope.put("eventId", eventId);
        envelope.put("eventType", eventType);
        envelope.put("schemaVersion", (long) schemaVersion);
        envelope.put("recordedAt", recordedAt);
        envelope.put("occurredAt", occurredAt);
        envelope.put("previousHash", Hex.encode(previousHash));
        envelope.put("entryHash", Hex.encode(entryHash));
        envelope.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
        return envelope;
    }

    /** The entry hash recomputed from the fields; equal to {@link #entryHash()} unless something was altered. */
    public byte[] computeEntryHash() {
        return EntryHash.of(previousHash, position, eventId, eventType, schemaVersion, recordedAt, payload);
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] entryHash() {
        return entryHash.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerEntryFields that
                && position == that.position
                && schemaVersion == that.schemaVersion
                && eventId.equals(that.eventId)
                && eventType.equals(that.eventType)
                && recordedAt.equals(that.recordedAt)
                && Objects.equals(occurredAt, that.occurredAt)
                && Arrays.equals(previousHash, that.previousHash)
                && Arrays.equals(entryHash, that.entryHash)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, eventId, eventType, schemaVersion, recordedAt, occurredAt,
                Arrays.hashCode(previousHash), Arrays.hashCode(entryHash), Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "LedgerEntryFields[position=" + position + ", eventId=" + eventId + ", eventType=" + eventType
                + ", schemaVersion=" + schemaVersion + ", recordedAt=" + recordedAt + ", occurredAt=" + occurredAt
                + ", previousHash=" + Hex.encode(previousHash) + ", entryHash=" + Hex.encode(entryHash)
                + ", payload=" + payload.length + " bytes]";
    }
}
