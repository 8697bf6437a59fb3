package dev.aispend.policy.spend;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A team's spend so far, folded from the ledger. */
@MappedEntity("team_spend")
public record TeamSpend(
        @Id String team,
        long records,
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWrite5mTokens,
        long cacheWrite1hTokens,
        long reasoningTokens,
        long lastLedgerPosition) {
}
