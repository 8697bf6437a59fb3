package dev.aispend.ledger.api;

import dev.aispend.contracts.usage.TokenCounts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A usage record id came again with this content; the aggregate decides whether it conflicts. */
public record FlagUsageConflictCommand(
        @TargetAggregateIdentifier String aggregateIdentifier,
        String usageRecordId,
        String contentSha256,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens) {
}
