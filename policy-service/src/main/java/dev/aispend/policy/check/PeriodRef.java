package dev.aispend.policy.check;

import java.util.Objects;

/** One budget_period row's key. */
record PeriodRef(String budgetId, String periodKey) {
    PeriodRef {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(periodKey, "periodKey");
    }
}
