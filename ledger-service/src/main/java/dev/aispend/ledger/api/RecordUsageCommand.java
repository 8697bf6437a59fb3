package dev.aispend.ledger.api;

import dev.aispend.contracts.usage.TokenCounts;

import java.time.Instant;

/**
 * Record one usage record in the ledger. Sent once per id: the intake filters ids already recorded.
 * {@code contentSha256} is the hash of its canonical content (UsageContentHash), kept to tell a retry (same
 * content) from a conflict (same id, other content).
 */
public record RecordUsageCommand(
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
