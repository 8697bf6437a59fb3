package dev.aispend.policy.check;

import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetPeriod;
import dev.aispend.platform.budget.BudgetScope;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodUnit;

import java.util.List;

/** Budget versions for the checks' tests, built directly (the rules projection builds them from the ledger). */
final class Budgets {
    static final BudgetPeriod MONTH_UTC = new BudgetPeriod(PeriodUnit.MONTH, "UTC");

    private Budgets() {
    }

    static BudgetScope team(String team) {
        return new BudgetScope(null, team, null, null, null);
    }

    static BudgetVersion hardCapped(String budgetId, BudgetScope scope, long amountUsdMicros,
                                    Integer... thresholdsPercent) {
        return version(budgetId, scope, amountUsdMicros, true, true, thresholdsPercent);
    }

    static BudgetVersion soft(String budgetId, BudgetScope scope, long amountUsdMicros,
                              Integer... thresholdsPercent) {
        return version(budgetId, scope, amountUsdMicros, false, true, thresholdsPercent);
    }

    static BudgetVersion retired(String budgetId, BudgetScope scope, long amountUsdMicros) {
        return version(budgetId, scope, amountUsdMicros, true, false);
    }

    static BudgetVersion version(String budgetId, BudgetScope scope, long amountUsdMicros, boolean hardCap,
                                 boolean active, Integer... thresholdsPercent) {
        return new BudgetVersion(budgetId, 1, 1, new BudgetDefinition(budgetId + " budget", scope, MONTH_UTC,
                amountUsdMicros, List.of(thresholdsPercent), hardCap, false, active));
    }
}
