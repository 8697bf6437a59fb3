package dev.aispend.report.cfosummary;

import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetScope;
import dev.aispend.platform.budget.PeriodUnit;
import dev.aispend.report.readmodel.ReportSnapshot;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The organization's monthly budgets (scope {} and unit MONTH, active in their latest version up to the as-of
 * position) and what each counted in a month: the budgets read model's period of that month, as of the position.
 */
@Singleton
class OrganizationBudgets {
    private final JsonMapper json;

    OrganizationBudgets(JsonMapper json) {
        this.json = json;
    }

    List<CfoSummary.Budget> ofMonth(ReportSnapshot snapshot, YearMonth month) {
        List<CfoSummary.Budget> budgets = new ArrayList<>();
        String sql = "SELECT DISTINCT ON (policy_id) policy_id, content::text FROM policy_version "
                + "WHERE kind = 'BUDGET' AND position <= ? ORDER BY policy_id, version DESC";
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            select.setLong(1, snapshot.asOfPosition());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    BudgetDefinition definition = parse(rows.getString(2));
                    if (definition != null && definition.active()
                            && definition.scope().equals(BudgetScope.ORGANIZATION)
                            && definition.period().unit() == PeriodUnit.MONTH) {
                        String budgetId = rows.getString(1);
                        long spent = spent(snapshot, budgetId, month.toString());
                        budgets.add(new CfoSummary.Budget(budgetId, definition.name(), definition.amountUsdMicros(),
                                month.toString(), spent, Ratios.percent(spent, definition.amountUsdMicros()),
                                "What budget " + budgetId + " counted in its period " + month + " ("
                                        + definition.period().timeZone() + "), as policy-service counts it, in the "
                                        + "ledger up to position " + snapshot.asOfPosition() + "."));
                    }
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the budgets", failure);
        }
        return budgets;
    }

    private static long spent(ReportSnapshot snapshot, String budgetId, String periodKey) throws SQLException {
        try (PreparedStatement select = snapshot.connection().prepareStatement("SELECT COALESCE((SELECT "
                + "SUM(cost_usd_micros) FROM budget_daily WHERE budget_id = ? AND period_key = ?), 0) - "
                + "COALESCE((SELECT SUM(cost_usd_micros) FROM budget_line WHERE budget_id = ? AND period_key = ? "
                + "AND position > ?), 0)")) {
            select.setString(1, budgetId);
            select.setString(2, periodKey);
            select.setString(3, budgetId);
            select.setString(4, periodKey);
            select.setLong(5, snapshot.asOfPosition());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private BudgetDefinition parse(String content) {
        try {
            return BudgetContent.parse(json.readValue(content, Map.class));
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
