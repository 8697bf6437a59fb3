package dev.aispend.policy.check;

import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodWindow;

import java.util.Comparator;
import java.util.Objects;

/** A budget version that covers a check, and its period at the check's time. */
public record BudgetInScope(BudgetVersion budget, PeriodWindow period) {
    /** The order every check locks budget_period rows in, so concurrent checks never deadlock one another. */
    public static final Comparator<BudgetInScope> LOCK_ORDER = Comparator
            .comparing((BudgetInScope scoped) -> scoped.budget().budgetId())
            .thenComparing(scoped -> scoped.period().key());

    public BudgetInScope {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(period, "period");
    }

    public String budgetId() {
        return budget.budgetId();
    }

    public String periodKey() {
        return period.key();
    }
}
