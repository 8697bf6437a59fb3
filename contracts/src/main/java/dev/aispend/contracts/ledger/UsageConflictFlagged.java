package dev.aispend.contracts.ledger;

import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * The payload of a {@code UsageConflictFlagged} ledger entry: a usage record id came again with other content
 * than the one recorded. Nothing is counted for it; it is kept so an auditor sees what was sent and when.
 * The hashes are SHA-256 (hex) of the records' canonical content (docs/adr/0006-idempotency-by-content.md).
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
        TokenCounts tokens) {

    public UsageConflictFlagged {
        Objects.requireNonNull(usageRecordId, "usageRecordId");
        Objects.requireNonNull(recordedContentSha256, "recordedContentSha256");
        Objects.requireNonNull(conflictingContentSha256, "conflictingContentSha256");
        if (recordedContentSha256.equals(conflictingContentSha256)) {
            throw new IllegalArgumentException("a conflict needs two different contents");
        }
    }
}
