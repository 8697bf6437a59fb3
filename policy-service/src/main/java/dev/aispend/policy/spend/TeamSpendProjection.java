package dev.aispend.policy.spend;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerProjection;
import dev.aispend.platform.ledger.SpendAttribution;
import dev.aispend.platform.ledger.SpendTally;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Folds ledger.v1 into spend per team: one upsert per team per delivery, in the transaction that also advances
 * this projection's checkpoint. A re-pricing corrects the team of the spend it re-prices.
 */
@Singleton
public class TeamSpendProjection implements LedgerProjection {
    public static final String NAME = "team-spend";

    private final TeamSpendRepository repository;

    TeamSpendProjection(TeamSpendRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        SpendTally.byKey(events, SpendAttribution::team).forEach((team, tally) -> {
            TokenCounts tokens = tally.tokens();
            repository.add(team, tally.records(), tokens.inputTokens(), tokens.outputTokens(),
                    tokens.cacheReadTokens(), tokens.cacheWrite5mTokens(), tokens.cacheWrite1hTokens(),
                    tokens.reasoningTokens(), tally.costUsdMicros(), tally.unpricedRecords(),
                    tally.lastLedgerPosition());
        });
    }

    @Override
    public void reset(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM team_spend");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not empty team_spend", failure);
        }
    }
}
