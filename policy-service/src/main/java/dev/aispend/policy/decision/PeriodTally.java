package dev.aispend.policy.decision;

import dev.aispend.platform.budget.PeriodWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the evaluator knows of one budget's period (a {@code budget_period} row): the spend it counted, as of which
 * ledger position, and which decisions it already made there, so each is made once per period.
 *
 * <p>{@code spentUsdMicros} is the exact sum of the costs and re-pricing deltas counted; nothing clamps it, so a
 * re-pricing that lowers the price of spend recorded before the budget existed can take it below zero (the
 * honest sum of what was counted, see {@link BudgetEvaluator}).
 *
 * @param spentAsOfPosition the position of the last entry that changed this period's spend (0 before the first)
 * @param crossedThresholds the soft thresholds decided in this period, ascending and distinct
 */
public record PeriodTally(
        String periodKey,
        Instant periodStart,
        Instant periodEnd,
        long spentUsdMicros,
        long spentAsOfPosition,
        List<Integer> crossedThresholds,
        boolean exhausted,
        boolean forecastAlerted) {

    public PeriodTally {
        Objects.requireNonNull(periodKey, "periodKey");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        crossedThresholds = List.copyOf(crossedThresholds);
        for (int index = 1; index < crossedThresholds.size(); index++) {
            if (crossedThresholds.get(index) <= crossedThresholds.get(index - 1)) {
                throw new IllegalArgumentException("crossedThresholds ascend: " + crossedThresholds);
            }
        }
        if (spentAsOfPosition < 0) {
            throw new IllegalArgumentException("spentAsOfPosition must not be negative");
        }
    }

    /** A period nothing was counted in yet. */
    public static PeriodTally empty(PeriodWindow window) {
        return new PeriodTally(window.key(), window.start(), window.end(), 0, 0, List.of(), false, false);
    }

    public PeriodWindow window() {
        return new PeriodWindow(periodKey, periodStart, periodEnd);
    }

    /** Adds a cost (or a negative re-pricing delta); overflow throws: no real tally comes near a long's range. */
    public PeriodTally plus(long costUsdMicros, long ledgerPosition) {
        return new PeriodTally(periodKey, periodStart, periodEnd, Math.addExact(spentUsdMicros, costUsdMicros),
                ledgerPosition, crossedThresholds, exhausted, forecastAlerted);
    }

    public PeriodTally withCrossed(int percent) {
        List<Integer> crossed = new ArrayList<>(crossedThresholds);
        if (!crossed.contains(percent)) {
            crossed.add(percent);
            crossed.sort(null);
        }
        return withCrossedThresholds(crossed);
    }

    public PeriodTally withCrossedThresholds(List<Integer> crossed) {
        return new PeriodTally(periodKey, periodStart, periodEnd, spentUsdMicros, spentAsOfPosition, crossed,
                exhausted, forecastAlerted);
    }

    public PeriodTally withExhausted(boolean value) {
        return new PeriodTally(periodKey, periodStart, periodEnd, spentUsdMicros, spentAsOfPosition,
                crossedThresholds, value, forecastAlerted);
    }

    public PeriodTally withForecastAlerted(boolean value) {
        return new PeriodTally(periodKey, periodStart, periodEnd, spentUsdMicros, spentAsOfPosition,
                crossedThresholds, exhausted, value);
    }

    /**
     * The same period under a window computed by the budget version now in force: only a change of the budget's
     * time zone moves the bounds of a period key, and the spend counted for that key stays counted.
     */
    public PeriodTally withWindow(PeriodWindow window) {
        if (!window.key().equals(periodKey)) {
            throw new IllegalArgumentException("window " + window.key() + " is not period " + periodKey);
        }
        return new PeriodTally(periodKey, window.start(), window.end(), spentUsdMicros, spentAsOfPosition,
                crossedThresholds, exhausted, forecastAlerted);
    }
}
