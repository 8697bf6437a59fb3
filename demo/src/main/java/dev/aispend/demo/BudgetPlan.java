package dev.aispend.demo;

import java.util.List;

/** A monthly team budget (UTC) as POST /v1/budgets takes it; {@code overBudget} marks the team set to exceed it. */
public record BudgetPlan(String id, String name, String team, long amountUsdMicros, List<Integer> softThresholdsPercent,
                         boolean hardCap, boolean overBudget) {
}
