package dev.aispend.policy.check;

import java.util.Objects;

/**
 * What one budget says about a check: its standing, what is left of it before the check
 * ({@code amount - spent - reserved}, negative once overspent), the result and why, in a sentence.
 */
public record BudgetVerdict(BudgetStanding standing, long remainingUsdMicros, CheckResult result, String reason) {
    public BudgetVerdict {
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
    }

    public String budgetId() {
        return standing.budget().budgetId();
    }
}
