package dev.aispend.ledger.api;

import dev.aispend.contracts.usage.TokenCounts;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A usage record id came again with other content than the one recorded. Counts for nothing; kept so the
 * conflict is visible to auditors. Revision 1.
 */
@Revision("1")
public record UsageConflictFlaggedEvent(
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
}
