package dev.aispend.report.spend;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * The spend report for a range of UTC days, both ends included, as of one ledger position. Costs are integer
 * USD micros with every re-pricing applied to the day of the spend it corrects.
 */
@Serdeable
public record SpendReport(LocalDate from, LocalDate to, long asOfLedgerPosition, List<Row> rows, Totals totals) {

    @Serdeable
    public record Row(LocalDate day, String team, String model, long records, long inputTokens, long outputTokens,
                      long cacheReadTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
                      long reasoningTokens, long costUsdMicros, long unpricedRecords) {
    }

    @Serdeable
    public record Totals(long records, long inputTokens, long outputTokens, long cacheReadTokens,
                         long cacheWrite5mTokens, long cacheWrite1hTokens, long reasoningTokens,
                         long costUsdMicros, long unpricedRecords) {
    }
}
