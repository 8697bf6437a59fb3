package dev.aispend.ledger.api;

import dev.aispend.contracts.usage.TokenCounts;

import java.time.Instant;

/** Record one usage record in the ledger. Sent once per id: the intake filters ids already recorded. */
public record RecordUsageCommand(
        String usageRecordId,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens) {
}
