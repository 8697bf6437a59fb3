package dev.aispend.report.spend;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerProjection;
import dev.aispend.platform.ledger.SpendAttribution;
import dev.aispend.platform.ledger.SpendTally;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * Folds ledger.v1 into spend per UTC day of use (occurredAt, not recording time), team and model: one upsert per
 * key per delivery, in the transaction that also advances this projection's checkpoint. A re-pricing corrects
 * the day, team and model of the spend it re-prices, so a closed month is corrected where it belongs.
 */
@Singleton
public class DailySpendProjection implements LedgerProjection {
    public static final String NAME = "daily-spend";

    private final DailySpendRepository repository;

    DailySpendProjection(DailySpendRepository repository) {
        this.repository = repository;
    }

    private record Key(LocalDate day, String team, String model) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        SpendTally.byKey(events, spend -> new Key(spend.utcDay(), spend.team(), spend.model()))
                .forEach((key, tally) -> {
                    TokenCounts tokens = tally.tokens();
                    repository.add(key.day(), key.team(), key.model(), tally.records(), tokens.inputTokens(),
                            tokens.outputTokens(), tokens.cacheReadTokens(), tokens.cacheWrite5mTokens(),
                            tokens.cacheWrite1hTokens(), tokens.reasoningTokens(), tally.costUsdMicros(),
                            tally.unpricedRecords(), tally.lastLedgerPosition());
                });
    }

    @Override
    public void reset(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM daily_spend");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not empty daily_spend", failure);
        }
    }
}
