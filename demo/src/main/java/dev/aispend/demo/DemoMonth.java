package dev.aispend.demo;

import java.time.Instant;
import java.util.List;

/**
 * A generated month: the organisation, its usage (ordered by the time it was reported), its merged pull requests
 * (by merge time), an organization-wide budget and one per team, and the team switched to OUTCOME. Pure data;
 * {@link DemoPlan} turns it into deliveries.
 *
 * @param directoryValidFrom when the directory's entries take effect (90 days before the period, at midnight)
 */
public record DemoMonth(DemoSpec spec, List<Team> teams, List<Person> people, List<Use> uses,
                        List<MergedPullRequest> pullRequests, List<BudgetPlan> budgets, PhasePlan phase,
                        Instant directoryValidFrom) {

    public long costUsdMicros() {
        return uses.stream().mapToLong(Prices::cost).sum();
    }

    public long spendRecords() {
        return uses.stream().mapToLong(Use::spendRecords).sum();
    }

    public BudgetPlan overBudget() {
        return budgets.stream().filter(BudgetPlan::overBudget).findFirst().orElseThrow();
    }

    /** The organization-wide monthly budget (scope {}), which the CFO page reads. */
    public BudgetPlan organizationBudget() {
        return budgets.stream().filter(BudgetPlan::organizationWide).findFirst().orElseThrow();
    }

    public List<Person> gamers() {
        return people.stream().filter(Person::gamer).toList();
    }
}
