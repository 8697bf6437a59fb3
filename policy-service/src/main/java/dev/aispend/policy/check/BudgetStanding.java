package dev.aispend.policy.check;

import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodWindow;

import java.util.Objects;

/**
 * Where one budget stands in one period when a check looks at it: the spend the ledger counted (as of
 * {@code spentAsOfPosition}, the evaluator's columns of its budget_period row) and what earlier checks still hold
 * against it ({@code reservedUsdMicros} over {@code reservationCount} reservations).
 */
public record BudgetStanding(BudgetVersion budget, PeriodWindow period, long spentUsdMicros,
                             long spentAsOfPosition, long reservedUsdMicros, long reservationCount) {
    public BudgetStanding {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(period, "period");
        if (reservedUsdMicros < 0 || reservationCount < 0 || spentAsOfPosition < 0) {
            throw new IllegalArgumentException("reserved, reservation count and position are never negative");
        }
    }

    /** A period nothing was counted or reserved in yet. */
    public static BudgetStanding fresh(BudgetVersion budget, PeriodWindow period) {
        return new BudgetStanding(budget, period, 0, 0, 0, 0);
    }
}
