package dev.aispend.policy.spend;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A team's spend so far, folded from the ledger. {@code costUsdMicros} is what the ledger priced it at, with
 * every re-pricing applied; {@code unpricedRecords} counts records recorded without a price.
 */
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
        long costUsdMicros,
        long unpricedRecords,
        long lastLedgerPosition) {

    static TeamSpend none(String team) {
        return new TeamSpend(team, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
