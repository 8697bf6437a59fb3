package dev.aispend.report.cfosummary;

import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One answer for the CFO (docs/reports.md, cfo-summary): the month's spend to date against the organization's
 * monthly budgets, the month's forecast, the cost-per-merged-PR trend, the biggest movers among teams, and the
 * flagged spend; each figure with a sentence saying where it comes from. Money in integer USD micros; "today" is
 * the ledger clock at the as-of position, never the wall clock.
 */
@Serdeable
public record CfoSummary(ReportAsOf asOf, String month, @Nullable Instant ledgerClock, LocalDate from,
                         LocalDate through, MonthToDate monthToDate, List<Budget> budgets, Forecast forecast,
                         List<TrendMonth> costPerMergedPrTrend, List<Mover> biggestMovers, Flagged flaggedSpend) {

    @Serdeable
    public record MonthToDate(long costUsdMicros, long records, long unpricedRecords, String source) {
    }

    /** An organization-wide monthly budget (scope {}): its amount and what it counted this month. */
    @Serdeable
    public record Budget(String budgetId, String name, long amountUsdMicros, String periodKey, long spentUsdMicros,
                         String percentUsed, String source) {
    }

    /**
     * The month's spend if the rest of it goes at the rate so far: {@code spent × monthLength / elapsed}, rounded
     * half up, once a day of the month has elapsed by the ledger clock; null before.
     */
    @Serdeable
    public record Forecast(@Nullable Long monthUsdMicros, @Nullable String percentOfBudget, String method,
                           String source) {
    }

    @Serdeable
    public record TrendMonth(String month, long costUsdMicros, long mergedPrs, @Nullable Long costPerMergedPrUsdMicros,
                             String source) {
    }

    /** A team's month to date against the same days of the month before. */
    @Serdeable
    public record Mover(String team, long costUsdMicros, long previousCostUsdMicros, long changeUsdMicros,
                        @Nullable String changePercent, boolean suppressed) {
    }

    @Serdeable
    public record Flagged(long openUsdMicros, long clearedUsdMicros, long openFlags, long clearedFlags,
                          @Nullable String shareOfSpend, String source) {
    }
}
