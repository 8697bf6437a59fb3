package dev.aispend.contracts.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * One event the ledger recorded, as published on {@code ledger.v1} in ledger order.
 *
 * <p>{@code ledgerPosition} is gapless and starts at 1: consumers apply an entry only when its position is
 * greater than the last one they applied, which makes redelivery harmless. Exactly one payload field is set,
 * the one {@code eventType} names; a consumer skips (but still counts as applied) types it does not use.
 */
@Serdeable
public record LedgerEntry(
        long ledgerPosition,
        String eventId,
        String eventType,
        int eventSchemaVersion,
        Instant recordedAt,
        @Nullable UsageRecorded usageRecorded,
        @Nullable UsageConflictFlagged usageConflictFlagged) {

    public static final String USAGE_RECORDED = "UsageRecorded";
    public static final String USAGE_CONFLICT_FLAGGED = "UsageConflictFlagged";

    public LedgerEntry {
        if (ledgerPosition < 1) {
            throw new IllegalArgumentException("ledgerPosition must be at least 1, was " + ledgerPosition);
        }
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (USAGE_RECORDED.equals(eventType) && usageRecorded == null) {
            throw new IllegalArgumentException("a " + USAGE_RECORDED + " entry needs its usageRecorded payload");
        }
        if (USAGE_CONFLICT_FLAGGED.equals(eventType) && usageConflictFlagged == null) {
            throw new IllegalArgumentException("a " + USAGE_CONFLICT_FLAGGED
                    + " entry needs its usageConflictFlagged payload");
        }
    }

    public static LedgerEntry ofUsage(long ledgerPosition, String eventId, Instant recordedAt,
                                      UsageRecorded usageRecorded) {
        return new LedgerEntry(ledgerPosition, eventId, USAGE_RECORDED, 1, recordedAt, usageRecorded, null);
    }

    public static LedgerEntry ofConflict(long ledgerPosition, String eventId, Instant recordedAt,
                                         UsageConflictFlagged conflict) {
        return new LedgerEntry(ledgerPosition, eventId, USAGE_CONFLICT_FLAGGED, 1, recordedAt, null, conflict);
    }
}
