package dev.aispend.report.budgets;

import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.report.audit.RecordedJson;
import dev.aispend.report.readmodel.ReportSnapshot;
import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the budget report reads from one snapshot, as of its position: the budget versions in force
 * (policy_version) and what each budget counted per local day of a period (budget_daily minus the budget_line
 * rows after the position, which equals the lines up to it).
 */
public final class BudgetReads {
    private final ReportSnapshot snapshot;
    private final RecordedJson json;

    public BudgetReads(ReportSnapshot snapshot, RecordedJson json) {
        this.snapshot = snapshot;
        this.json = json;
    }

    /**
     * Per budget (by id), the latest version up to the position whose content parses: policy-service keeps the
     * version before in force when a recorded one does not, and so does the report.
     */
    public List<BudgetVersion> versions(@Nullable String budgetId) {
        Map<String, BudgetVersion> inForce = new TreeMap<>();
        String sql = "SELECT policy_id, version, position, content::text FROM policy_version "
                + "WHERE kind = 'BUDGET' AND position <= ?" + (budgetId == null ? "" : " AND policy_id = ?")
                + " ORDER BY position";
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            select.setLong(1, snapshot.asOfPosition());
            if (budgetId != null) {
                select.setString(2, budgetId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    BudgetDefinition definition = parse(rows.getString(4));
                    if (definition != null) {
                        String id = rows.getString(1);
                        inForce.put(id, new BudgetVersion(id, rows.getLong(2), rows.getLong(3), definition));
                    }
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the budget versions", failure);
        }
        return List.copyOf(inForce.values());
    }

    /**
     * What the budget counted in the period, per local day in its zone; days that sum to nothing are absent, so a
     * day first counted after the position (a zero left in budget_daily minus its lines) never shows as of it.
     */
    public Map<LocalDate, Long> spentByDay(String budgetId, String periodKey) {
        String sql = "SELECT local_day, cost_usd_micros FROM budget_daily WHERE budget_id = ? AND period_key = ? "
                + "AND cost_usd_micros <> 0";
        if (!snapshot.latest()) {
            sql = "SELECT local_day, SUM(cost) FROM (SELECT local_day, cost_usd_micros AS cost FROM budget_daily "
                    + "WHERE budget_id = ? AND period_key = ? UNION ALL SELECT local_day, -cost_usd_micros "
                    + "FROM budget_line WHERE budget_id = ? AND period_key = ? AND position > ?) lines "
                    + "GROUP BY local_day HAVING SUM(cost) <> 0";
        }
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql + " ORDER BY 1")) {
            select.setString(1, budgetId);
            select.setString(2, periodKey);
            if (!snapshot.latest()) {
                select.setString(3, budgetId);
                select.setString(4, periodKey);
                select.setLong(5, snapshot.asOfPosition());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    days.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the spend of budget " + budgetId, failure);
        }
        return days;
    }

    @Nullable
    private BudgetDefinition parse(String content) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) json.object(content);
            return BudgetContent.parse(fields);
        } catch (RuntimeException invalid) {
            return null;
        }
    }
}
