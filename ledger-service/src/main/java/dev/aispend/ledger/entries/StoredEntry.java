package dev.aispend.ledger.entries;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One row of the ledger as stored: every field the entry hash covers, exactly as stored, and the seal. This is
 * what verification recomputes, what ledger.v1 and replays carry, and what the audit API returns.
 *
 * @param schemaVersion the stored revision text (a decimal), hashed as is
 */
public record StoredEntry(long position, String eventId, String eventType, String schemaVersion,
                          String recordedAt, @Nullable Instant occurredAt, byte[] previousHash, byte[] entryHash,
                          byte[] payload, @Nullable String team) {

    public LedgerEnvelope toEnvelope() {
        HexFormat hex = HexFormat.of();
        return new LedgerEnvelope(position, eventId, eventType, Integer.parseInt(schemaVersion), recordedAt,
                occurredAt == null ? null : occurredAt.toString(), hex.formatHex(previousHash),
                hex.formatHex(entryHash), Base64.getEncoder().encodeToString(payload));
    }

    /** The Kafka key: the team where the entry has one, so per-team consumers could partition later. */
    public String kafkaKey() {
        return team != null ? team : eventType;
    }
}
