package dev.aispend.demo;

import java.util.List;

/**
 * A monthly budget (UTC) as POST /v1/budgets takes it: a team's, or with {@code team} null the whole organization's
 * (scope {}); {@code overBudget} marks the team set to exceed it.
 */
public record BudgetPlan(String id, String name, String team, long amountUsdMicros, List<Integer> softThresholdsPercent,
                         boolean hardCap, boolean overBudget) {

    /** Scope {}: every use of the organization counts against it. */
    public boolean organizationWide() {
        return team == null;
    }
}
