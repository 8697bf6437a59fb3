package dev.aispend.ledger.api;

import dev.aispend.contracts.usage.UsageRecord;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A usage record id came again with this content; the aggregate decides whether it conflicts. */
public record FlagUsageConflictCommand(
        @TargetAggregateIdentifier String aggregateIdentifier,
        UsageRecord record,
        String contentSha256) {
}
