package dev.aispend.ledger.api;

import dev.aispend.contracts.usage.TokenCounts;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Usage was recorded in the ledger. Revision 1; a change of shape gets a new revision and an upcaster,
 * because recorded events are never rewritten.
 */
@Revision("1")
public record UsageRecordedEvent(
        String usageRecordId,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens,
        String contentSha256) {
}
