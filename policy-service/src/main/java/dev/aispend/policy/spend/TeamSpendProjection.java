package dev.aispend.policy.spend;

import dev.aispend.contracts.ledger.LedgerEntry;
import dev.aispend.contracts.ledger.UsageRecorded;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.ledger.LedgerCheckpoint;
import dev.aispend.platform.ledger.LedgerProjection;
import dev.aispend.platform.ledger.SpendTally;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;

/**
 * Folds ledger.v1 into spend per team: one transaction per delivery, one upsert per team in it, and the
 * checkpoint advanced with them.
 */
@Singleton
public class TeamSpendProjection implements LedgerProjection {
    private final ConnectionOperations<Connection> connections;
    private final TeamSpendRepository repository;

    TeamSpendProjection(ConnectionOperations<Connection> connections, TeamSpendRepository repository) {
        this.connections = connections;
        this.repository = repository;
    }

    @Override
    @Transactional
    public void apply(List<LedgerEntry> delivered) {
        LedgerCheckpoint.applyAfterCheckpoint(connections.getConnectionStatus().getConnection(), delivered,
                this::fold);
    }

    private void fold(List<LedgerEntry> entries) {
        SpendTally.byKey(entries, UsageRecorded::team).forEach((team, tally) -> {
            TokenCounts tokens = tally.tokens();
            repository.add(team, tally.records(), tokens.inputTokens(), tokens.outputTokens(),
                    tokens.cacheReadTokens(), tokens.cacheWrite5mTokens(), tokens.cacheWrite1hTokens(),
                    tokens.reasoningTokens(), tally.lastLedgerPosition());
        });
    }
}
