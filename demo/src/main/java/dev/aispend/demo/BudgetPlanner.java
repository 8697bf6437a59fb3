package dev.aispend.demo;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A monthly budget (UTC) for the whole organization and one per team, sized from the spend the default rate card
 * will price: the organization's at 125 % of its month projected from the days so far (above the month's forecast,
 * not exceeded, no hard cap); the over-budget team's at 80 % of its spend so far this month with a hard cap (its 50,
 * 80 and 100 % thresholds all cross, checks deny), every other team's at 125 % of its projected month (some cross
 * 50 or 80 %).
 */
final class BudgetPlanner {
    static final String ORGANIZATION_BUDGET = "demo-organization-monthly";
    private static final long HUNDRED_DOLLARS = 100_000_000L;
    private static final List<Integer> THRESHOLDS = List.of(50, 80, 100);

    private BudgetPlanner() {
    }

    static List<BudgetPlan> budgets(DemoSpec spec, List<Team> teams, List<Use> uses) {
        YearMonth month = YearMonth.from(spec.end().minusSeconds(1).atZone(ZoneOffset.UTC));
        Map<String, Long> monthToDate = uses.stream()
                .filter(use -> YearMonth.from(use.end().atZone(ZoneOffset.UTC)).equals(month))
                .collect(Collectors.groupingBy(use -> use.person().team().name(),
                        Collectors.summingLong(Prices::cost)));
        double elapsedDays = Math.max(1, (spec.end().getEpochSecond()
                - month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)) / 86_400.0);
        long organization = monthToDate.values().stream().mapToLong(Long::longValue).sum();
        List<BudgetPlan> budgets = new ArrayList<>();
        budgets.add(new BudgetPlan(ORGANIZATION_BUDGET, "Organization, monthly", null,
                roundUp((long) (organization * month.lengthOfMonth() / elapsedDays * 1.25)), THRESHOLDS, false, false));
        for (Team team : teams) {
            long spent = monthToDate.getOrDefault(team.name(), 0L);
            boolean over = team.name().equals(Roster.OVER_BUDGET_TEAM);
            long amount = over ? Math.max(1, spent * 8 / 10 / HUNDRED_DOLLARS * HUNDRED_DOLLARS)
                    : roundUp((long) (spent * month.lengthOfMonth() / elapsedDays * 1.25));
            String title = Character.toUpperCase(team.name().charAt(0)) + team.name().substring(1);
            budgets.add(new BudgetPlan("demo-" + team.name() + "-monthly", title + ", monthly", team.name(), amount,
                    THRESHOLDS, over, over));
        }
        return List.copyOf(budgets);
    }

    private static long roundUp(long micros) {
        return Math.max(HUNDRED_DOLLARS, (micros + HUNDRED_DOLLARS - 1) / HUNDRED_DOLLARS * HUNDRED_DOLLARS);
    }
}
