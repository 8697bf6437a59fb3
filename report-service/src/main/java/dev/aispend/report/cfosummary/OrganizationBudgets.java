package dev.aispend.report.cfosummary;

import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetScope;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodUnit;
import dev.aispend.report.audit.RecordedJson;
import dev.aispend.report.budgets.BudgetReads;
import dev.aispend.report.budgets.BurnDown;
import dev.aispend.report.readmodel.ReportSnapshot;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The organization's monthly budgets (scope {} and unit MONTH, active in the version in force at the as-of
 * position, as the budgets report reads it) and what each counted in a month: its period of that month.
 */
@Singleton
class OrganizationBudgets {
    private final RecordedJson json;

    OrganizationBudgets(RecordedJson json) {
        this.json = json;
    }

    List<CfoSummary.Budget> ofMonth(ReportSnapshot snapshot, YearMonth month) {
        BudgetReads reads = new BudgetReads(snapshot, json);
        List<CfoSummary.Budget> budgets = new ArrayList<>();
        for (BudgetVersion version : reads.versions(null)) {
            BudgetDefinition definition = version.definition();
            if (!definition.active() || !definition.scope().equals(BudgetScope.ORGANIZATION)
                    || definition.period().unit() != PeriodUnit.MONTH) {
                continue;
            }
            // A monthly period's key is its month ("2026-10"), in the budget's own time zone.
            long spent = reads.spentByDay(version.budgetId(), month.toString()).values().stream()
                    .mapToLong(Long::longValue).sum();
            budgets.add(new CfoSummary.Budget(version.budgetId(), definition.name(), definition.amountUsdMicros(),
                    month.toString(), spent, BurnDown.percentUsed(spent, definition.amountUsdMicros())
                    .toPlainString(), "What budget " + version.budgetId() + " counted in its period " + month + " ("
                    + definition.period().timeZone() + "), as policy-service counts it, in the ledger up to "
                    + "position " + snapshot.asOfPosition() + "."));
        }
        return budgets;
    }
}
