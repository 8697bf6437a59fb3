package dev.aispend.policy.spend;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.ledger.LedgerCheckpoint;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;

/** Reads a team's spend together with the ledger position it reflects, in one consistent snapshot. */
@Singleton
public class TeamSpendQueries {
    private final ConnectionOperations<Connection> connections;
    private final TeamSpendRepository repository;

    TeamSpendQueries(ConnectionOperations<Connection> connections, TeamSpendRepository repository) {
        this.connections = connections;
        this.repository = repository;
    }

    /** A team's spend; a team with no spend yet has zeros. Costs in USD micros, re-pricings included. */
    @Serdeable
    public record TeamSpendView(String team, long records, long inputTokens, long outputTokens,
                                long cacheReadTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
                                long reasoningTokens, long totalTokens, long costUsdMicros, long unpricedRecords,
                                long asOfLedgerPosition) {
    }

    @ReadOnly
    public TeamSpendView spendOf(String team) {
        long asOf = LedgerCheckpoint.read(connections.getConnectionStatus().getConnection(),
                TeamSpendProjection.NAME);
        TeamSpend spend = repository.findById(team).orElse(TeamSpend.none(team));
        long total = new TokenCounts(spend.inputTokens(), spend.outputTokens(), spend.cacheReadTokens(),
                spend.cacheWrite5mTokens(), spend.cacheWrite1hTokens(), spend.reasoningTokens()).totalTokens();
        return new TeamSpendView(team, spend.records(), spend.inputTokens(), spend.outputTokens(),
                spend.cacheReadTokens(), spend.cacheWrite5mTokens(), spend.cacheWrite1hTokens(),
                spend.reasoningTokens(), total, spend.costUsdMicros(), spend.unpricedRecords(), asOf);
    }
}
