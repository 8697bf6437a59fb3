package dev.aispend.report.spend;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.ledger.LedgerCheckpoint;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

/** Builds spend reports from the read model, rows and position read in one consistent snapshot. */
@Singleton
public class SpendReports {
    private final ConnectionOperations<Connection> connections;
    private final DailySpendRepository repository;

    SpendReports(ConnectionOperations<Connection> connections, DailySpendRepository repository) {
        this.connections = connections;
        this.repository = repository;
    }

    @ReadOnly
    public SpendReport between(LocalDate from, LocalDate to) {
        long asOf = LedgerCheckpoint.read(connections.getConnectionStatus().getConnection(),
                DailySpendProjection.NAME);
        List<DailySpend> days = repository.findBetween(from, to);
        long records = 0;
        long costUsdMicros = 0;
        long unpricedRecords = 0;
        TokenCounts total = TokenCounts.zero();
        for (DailySpend day : days) {
            records = Math.addExact(records, day.records());
            costUsdMicros = Math.addExact(costUsdMicros, day.costUsdMicros());
            unpricedRecords = Math.addExact(unpricedRecords, day.unpricedRecords());
            total = total.plus(new TokenCounts(day.inputTokens(), day.outputTokens(), day.cacheReadTokens(),
                    day.cacheWrite5mTokens(), day.cacheWrite1hTokens(), day.reasoningTokens()));
        }
        List<SpendReport.Row> rows = days.stream().map(SpendReports::row).toList();
        return new SpendReport(from, to, asOf, rows, new SpendReport.Totals(records, total.inputTokens(),
                total.outputTokens(), total.cacheReadTokens(), total.cacheWrite5mTokens(),
                total.cacheWrite1hTokens(), total.reasoningTokens(), costUsdMicros, unpricedRecords));
    }

    private static SpendReport.Row row(DailySpend day) {
        return new SpendReport.Row(day.day(), day.team(), day.model(), day.records(), day.inputTokens(),
                day.outputTokens(), day.cacheReadTokens(), day.cacheWrite5mTokens(), day.cacheWrite1hTokens(),
                day.reasoningTokens(), day.costUsdMicros(), day.unpricedRecords());
    }
}
