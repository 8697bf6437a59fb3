package dev.aispend.report.spend;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Folds ledger.v1 into spend per UTC day of use (occurredAt, not recording time), team and model: one
 * transaction per delivery with one upsert per key, and the checkpoint advanced with them.
 */
@Singleton
public class DailySpendProjection implements LedgerProjection {
    private final ConnectionOperations<Connection> connections;
    private final DailySpendRepository repository;

    DailySpendProjection(ConnectionOperations<Connection> connections, DailySpendRepository repository) {
        this.connections = connections;
        this.repository = repository;
    }

    private record Key(LocalDate day, String team, String model) {
    }

    @Override
    @Transactional
    public void apply(List<LedgerEntry> delivered) {
        LedgerCheckpoint.applyAfterCheckpoint(connections.getConnectionStatus().getConnection(), delivered,
                this::fold);
    }

    private void fold(List<LedgerEntry> entries) {
        SpendTally.byKey(entries, usage -> new Key(LocalDate.ofInstant(usage.occurredAt(), ZoneOffset.UTC),
                usage.team(), usage.model())).forEach((key, tally) -> {
            TokenCounts tokens = tally.tokens();
            repository.add(key.day(), key.team(), key.model(), tally.records(), tokens.inputTokens(),
                    tokens.outputTokens(), tokens.cacheReadTokens(), tokens.cacheWrite5mTokens(),
                    tokens.cacheWrite1hTokens(), tokens.reasoningTokens(), tally.lastLedgerPosition());
        });
    }
}
