package dev.aispend.contracts.ledger;

import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * A usage record id came again with other content than the one recorded (schema version 1; the foundation
 * stored the same shape as {@code dev.aispend.ledger.api.UsageConflictFlaggedEvent}). Nothing is counted for it;
 * it is kept so an auditor sees what was sent and when. The hashes are SHA-256 (hex) of the records' canonical
 * content (docs/adr/0006-idempotency-by-content.md).
 */
@Serdeable
public record UsageConflictFlagged(
        String usageRecordId,
        String recordedContentSha256,
        String conflictingContentSha256,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens) implements LedgerPayload {

    public UsageConflictFlagged {
        Objects.requireNonNull(usageRecordId, "usageRecordId");
        Objects.requireNonNull(recordedContentSha256, "recordedContentSha256");
        Objects.requireNonNull(conflictingContentSha256, "conflictingContentSha256");
        if (recordedContentSha256.equals(conflictingContentSha256)) {
            throw new IllegalArgumentException("a conflict needs two different contents");
        }
    }
}
