package dev.aispend.report.budgets;

import dev.aispend.report.query.ReportAsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The status of every budget as of one ledger position (docs/reports-budgets-audit.md): its version in force,
 * and for one period (the one the ledger clock is in, or the one asked) what it counted, a burn-down, the
 * forecast, and the decisions recorded about it. Money is integer USD micros; never the wall clock.
 *
 * @param ledgerClock  the latest time of use, outcome or policy change up to the position: "now" for this answer
 * @param period       the period key asked for, null for the clock's
 * @param peopleHidden whether person refs (a budget's scope, names, reasons) were replaced by "hidden"
 */
@Serdeable
public record BudgetReport(ReportAsOf asOf, @Nullable Instant ledgerClock, @Nullable String period,
                           @Nullable String budgetId, @Nullable String team, boolean peopleHidden,
                           List<Budget> budgets) {

    /**
     * One budget at its latest version up to the position that the ledger could read (a version whose content
     * does not parse leaves the one before in force, as in policy-service).
     *
     * @param status         ACTIVE, or RETIRED (its latest version has active false: it counts and decides
     *                       nothing more; what it counted stays)
     * @param versionPosition the ledger position that recorded that version
     * @param current        the period's figures; null when there is no ledger clock and no period was asked
     */
    @Serdeable
    public record Budget(String budgetId, String name, long version, long versionPosition, String status,
                         Scope scope, PeriodRule period, long amountUsdMicros, boolean hardCap,
                         List<Integer> softThresholdsPercent, boolean forecastAlert, @Nullable Period current) {
    }

    /** Which spend the budget counts; a field left out matches anything; {@code label} says it in one line. */
    @Serdeable
    public record Scope(@Nullable String costCenter, @Nullable String team, @Nullable String personRef,
                        @Nullable String purpose, @Nullable String model, String label) {
    }

    @Serdeable
    public record PeriodRule(String unit, String timeZone) {
    }

    /**
     * One period of a budget: what it counted as of the position (spent), what is left (amount − spent, negative
     * when overspent), the percent used (2 decimals, rounded down), the burn-down per local day, the forecast
     * computed now, and the decisions the ledger recorded for this budget and period.
     */
    @Serdeable
    public record Period(String periodKey, Instant periodStart, Instant periodEnd, boolean ledgerClockInPeriod,
                         long spentUsdMicros, long remainingUsdMicros, BigDecimal percentUsed, List<Day> burnDown,
                         BudgetForecast forecast, List<ForecastDecision> forecastDecisions,
                         List<LimitDecision> thresholdsCrossed, ChecksDenied checksDenied) {
    }

    /** One local day of the period (in the budget's zone). */
    @Serdeable
    public record Day(LocalDate day, long spentUsdMicros, long cumulativeUsdMicros, long remainingUsdMicros) {
    }

    /** A recorded BUDGET_FORECAST_EXHAUSTION: when, by which version, and what it projected then. */
    @Serdeable
    public record ForecastDecision(String decisionId, long version, @Nullable Instant projectedExhaustionAt,
                                   @Nullable String method, @Nullable Long spentUsdMicros,
                                   @Nullable Instant ledgerClock, long ledgerPosition,
                                   @Nullable Long triggerPosition, Instant decidedAt) {
    }

    /**
     * A recorded BUDGET_THRESHOLD_CROSSED (percent: its threshold) or BUDGET_EXHAUSTED (percent: 100).
     *
     * @param spentUsdMicros the period's spend the decision saw
     */
    @Serdeable
    public record LimitDecision(String kind, int percent, String decisionId, long version,
                                @Nullable Long spentUsdMicros, long ledgerPosition, @Nullable Long triggerPosition,
                                Instant decidedAt) {
    }

    /** The CHECK decisions with result DENY this budget decided in this period: how many, and the latest ones. */
    @Serdeable
    public record ChecksDenied(long count, List<DeniedCheck> latest) {
    }

    /** One denied check: its id, when, the budget version that decided, the estimate it was refused for. */
    @Serdeable
    public record DeniedCheck(String decisionId, String checkId, long version, Instant checkedAt,
                              @Nullable Long estimatedCostUsdMicros, String reason, long ledgerPosition) {
    }
}
