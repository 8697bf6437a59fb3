package dev.aispend.policy.check;

import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.aispend.policy.check.Budgets.hardCapped;
import static dev.aispend.policy.check.Budgets.retired;
import static dev.aispend.policy.check.Budgets.soft;
import static dev.aispend.policy.check.Budgets.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check rule at its edges: the exact limit, exact thresholds, soft budgets, several budgets, retired ones. */
class CheckRuleTest {
    private static final PeriodWindow NOVEMBER = new PeriodWindow("2026-11", Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void allows_an_estimate_equal_to_what_remains_of_a_hard_cap() {
        BudgetVerdict verdict = CheckRule.judge(standing(hardCapped("b", team("t"), 1_000), 600, 300), 100);

        assertThat(verdict.remainingUsdMicros()).isEqualTo(100);
        // Allowed, not denied: it takes the budget exactly to its amount, which warns.
        assertThat(verdict.result()).isEqualTo(CheckResult.WARN);
    }

    @Test
    void denies_one_micro_more_than_remains() {
        BudgetVerdict verdict = CheckRule.judge(standing(hardCapped("b", team("t"), 1_000), 600, 300), 101);

        assertThat(verdict.result()).isEqualTo(CheckResult.DENY);
        assertThat(verdict.reason()).contains("101", "100 remaining");
    }

    @Test
    void denies_every_check_once_spent_and_reserved_reach_the_amount_even_an_estimate_of_zero() {
        BudgetStanding exhausted = standing(hardCapped("b", team("t"), 1_000), 700, 300);

        assertThat(CheckRule.judge(exhausted, 0).result()).isEqualTo(CheckResult.DENY);
        assertThat(CheckRule.judge(exhausted, 1).result()).isEqualTo(CheckResult.DENY);
        assertThat(CheckRule.judge(exhausted, 0).remainingUsdMicros()).isZero();
    }

    @Test
    void denies_an_overspent_budget_and_reports_the_negative_remainder() {
        BudgetVerdict verdict = CheckRule.judge(standing(hardCapped("b", team("t"), 1_000), 1_250, 0), 0);

        assertThat(verdict.result()).isEqualTo(CheckResult.DENY);
        assertThat(verdict.remainingUsdMicros()).isEqualTo(-250);
    }

    @Test
    void warns_when_the_projection_reaches_a_soft_threshold_exactly() {
        BudgetVersion budget = hardCapped("b", team("t"), 1_000, 50, 80);

        assertThat(CheckRule.judge(standing(budget, 400, 0), 99).result()).isEqualTo(CheckResult.ALLOW);
        BudgetVerdict atFifty = CheckRule.judge(standing(budget, 400, 0), 100);
        assertThat(atFifty.result()).isEqualTo(CheckResult.WARN);
        assertThat(atFifty.reason()).contains("50 % threshold");
        assertThat(CheckRule.judge(standing(budget, 400, 300), 100).reason()).contains("80 % threshold");
    }

    @Test
    void counts_reservations_like_spend() {
        BudgetVersion budget = hardCapped("b", team("t"), 1_000);

        assertThat(CheckRule.judge(standing(budget, 0, 970), 30).result()).isEqualTo(CheckResult.WARN);
        assertThat(CheckRule.judge(standing(budget, 0, 971), 30).result()).isEqualTo(CheckResult.DENY);
    }

    @Test
    void a_budget_without_a_hard_cap_never_denies() {
        BudgetVersion budget = soft("b", team("t"), 1_000, 90);

        assertThat(CheckRule.judge(standing(budget, 5_000, 2_000), 1_000_000).result())
                .isEqualTo(CheckResult.WARN);
        assertThat(CheckRule.judge(standing(budget, 0, 0), 1).result()).isEqualTo(CheckResult.ALLOW);
    }

    @Test
    void the_worst_budget_decides_and_among_equals_the_tightest() {
        BudgetStanding organization = standing(hardCapped("org", team("t"), 100_000), 10_000, 0);
        BudgetStanding teamBudget = standing(hardCapped("team", team("t"), 1_000), 990, 0);
        BudgetStanding softBudget = standing(soft("soft", team("t"), 40, 50), 0, 0);

        CheckVerdict verdict = CheckRule.decide(List.of(organization, teamBudget, softBudget), 20);

        assertThat(verdict.result()).isEqualTo(CheckResult.DENY);
        assertThat(verdict.decidedBy().budgetId()).isEqualTo("team");
        assertThat(verdict.budgets()).extracting(BudgetVerdict::budgetId).containsExactly("org", "soft", "team");
        assertThat(verdict.budgets()).extracting(BudgetVerdict::result)
                .containsExactly(CheckResult.ALLOW, CheckResult.WARN, CheckResult.DENY);

        CheckVerdict warned = CheckRule.decide(List.of(organization, softBudget), 20);
        assertThat(warned.result()).isEqualTo(CheckResult.WARN);
        assertThat(warned.decidedBy().budgetId()).isEqualTo("soft");

        // Both allow: the one left with the smaller share of its amount decides (team: 40 of 1000 after 60).
        CheckVerdict allowed = CheckRule.decide(List.of(organization, standing(hardCapped("team", team("t"), 1_000),
                900, 0)), 60);
        assertThat(allowed.result()).isEqualTo(CheckResult.ALLOW);
        assertThat(allowed.decidedBy().budgetId()).isEqualTo("team");
        CheckVerdict roomy = CheckRule.decide(List.of(organization, standing(hardCapped("team", team("t"), 1_000),
                0, 0)), 60);
        assertThat(roomy.decidedBy().budgetId()).isEqualTo("org");
    }

    @Test
    void ignores_inactive_budgets() {
        BudgetStanding retiredBudget = standing(retired("old", team("t"), 10), 10, 0);

        CheckVerdict verdict = CheckRule.decide(List.of(retiredBudget), 5);

        assertThat(verdict.result()).isEqualTo(CheckResult.ALLOW);
        assertThat(verdict.decidedBy()).isNull();
        assertThat(verdict.budgets()).isEmpty();
        assertThat(verdict.reason()).isEqualTo("no active budget covers this check");
    }

    @Test
    void never_overflows_at_the_ends_of_the_range() {
        long largest = BudgetDefinition.MAX_AMOUNT_USD_MICROS;
        BudgetVersion huge = hardCapped("b", team("t"), largest, 100);

        // Spend can exceed the amount (a budget does not stop the ledger), up to anything a long holds.
        BudgetVerdict verdict = CheckRule.judge(standing(huge, Long.MAX_VALUE - 1, Long.MAX_VALUE), Long.MAX_VALUE);

        assertThat(verdict.result()).isEqualTo(CheckResult.DENY);
        assertThat(CheckRule.saturatedAdd(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(CheckRule.saturatedSubtract(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(CheckRule.highestThresholdReached(List.of(50, 100), Long.MAX_VALUE, Long.MAX_VALUE))
                .isEqualTo(100);
    }

    @Test
    void refuses_a_negative_estimate() {
        assertThatThrownBy(() -> CheckRule.decide(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BudgetStanding standing(BudgetVersion budget, long spent, long reserved) {
        return new BudgetStanding(budget, NOVEMBER, spent, 7, reserved, reserved > 0 ? 1 : 0);
    }
}
