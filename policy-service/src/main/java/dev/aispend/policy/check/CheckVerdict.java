package dev.aispend.policy.check;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a check over all budgets in scope: the worst result, the budget that decided it (null when no
 * active budget covers the check), and every budget's own verdict in (budgetId, periodKey) order.
 */
public record CheckVerdict(CheckResult result, @Nullable BudgetVerdict decidedBy, List<BudgetVerdict> budgets,
                           String reason) {
    public CheckVerdict {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        budgets = List.copyOf(budgets);
    }
}
