package dev.aispend.report.budgets;

import dev.aispend.report.audit.PersonRefs;
import dev.aispend.report.audit.RecordedJson;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.readmodel.SnapshotRows;
import io.micronaut.core.annotation.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decisions the ledger recorded about one budget's period, up to the snapshot's position: thresholds crossed
 * and exhaustion, forecasts (subject {@code budget:<id>/<periodKey>}), and the pre-flight checks it denied (kind
 * CHECK, result DENY, the budget as the deciding policy, and the budget's own period key in the check's evidence).
 */
final class BudgetDecisionReads {
    static final String THRESHOLD_CROSSED = "BUDGET_THRESHOLD_CROSSED";
    static final String EXHAUSTED = "BUDGET_EXHAUSTED";
    static final String FORECAST = "BUDGET_FORECAST_EXHAUSTION";
    /** How many of the latest denied checks a period shows (all are counted). */
    static final int LATEST_DENIED = 5;

    private final ReportSnapshot snapshot;
    private final RecordedJson json;
    private final boolean peopleVisible;

    BudgetDecisionReads(ReportSnapshot snapshot, RecordedJson json, boolean peopleVisible) {
        this.snapshot = snapshot;
        this.json = json;
        this.peopleVisible = peopleVisible;
    }

    List<BudgetReport.LimitDecision> limits(String budgetId, String periodKey) {
        List<BudgetReport.LimitDecision> limits = new ArrayList<>();
        forBudget(budgetId, periodKey, List.of(THRESHOLD_CROSSED, EXHAUSTED), (row, evidence) -> {
            String kind = row.getString("kind");
            Long percent = EXHAUSTED.equals(kind) ? Long.valueOf(100) : number(evidence.get("thresholdPercent"));
            limits.add(new BudgetReport.LimitDecision(kind, percent == null ? 0 : percent.intValue(),
                    row.getString("decision_id"), row.getLong("policy_version"),
                    number(evidence.get("spentUsdMicros")), row.getLong("position"),
                    SnapshotRows.nullableLong(row, "trigger_position"), SnapshotRows.instant(row, "occurred_at")));
        });
        return limits;
    }

    List<BudgetReport.ForecastDecision> forecasts(String budgetId, String periodKey) {
        List<BudgetReport.ForecastDecision> forecasts = new ArrayList<>();
        forBudget(budgetId, periodKey, List.of(FORECAST), (row, evidence) -> forecasts.add(
                new BudgetReport.ForecastDecision(row.getString("decision_id"), row.getLong("policy_version"),
                        instant(evidence.get("projectedExhaustionAt")), text(evidence.get("method")),
                        number(evidence.get("spentUsdMicros")), instant(evidence.get("ledgerClock")),
                        row.getLong("position"), SnapshotRows.nullableLong(row, "trigger_position"),
                        SnapshotRows.instant(row, "occurred_at"))));
        return forecasts;
    }

    BudgetReport.ChecksDenied checksDenied(String budgetId, String periodKey) {
        String sql = "SELECT position, decision_id, subject, policy_version, reason, occurred_at, "
                + "evidence->>'estimatedCostUsdMicros' AS estimate, COUNT(*) OVER () AS denied FROM decision d "
                + "WHERE kind = 'CHECK' AND result = 'DENY' AND policy_id = ? AND position <= ? AND EXISTS ("
                + "SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.evidence->'budgets') = 'array' "
                + "THEN d.evidence->'budgets' ELSE '[]'::jsonb END) b "
                + "WHERE b->>'budgetId' = d.policy_id AND b->>'periodKey' = ?) ORDER BY position DESC LIMIT ?";
        long count = 0;
        List<BudgetReport.DeniedCheck> latest = new ArrayList<>();
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            select.setString(1, budgetId);
            select.setLong(2, snapshot.asOfPosition());
            select.setString(3, periodKey);
            select.setInt(4, LATEST_DENIED);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    count = row.getLong("denied");
                    String subject = row.getString("subject");
                    String checkId = subject.startsWith("check:") ? subject.substring("check:".length()) : subject;
                    String estimate = row.getString("estimate");
                    latest.add(new BudgetReport.DeniedCheck(visible(row.getString("decision_id")), visible(checkId),
                            row.getLong("policy_version"), SnapshotRows.instant(row, "occurred_at"),
                            estimate == null ? null : Long.valueOf(estimate), visible(row.getString("reason")),
                            row.getLong("position")));
                }
            }
        } catch (SQLException | NumberFormatException failure) {
            throw new IllegalStateException("could not read the checks budget " + budgetId + " denied", failure);
        }
        return new BudgetReport.ChecksDenied(count, latest);
    }

    private interface RowReader {
        void read(ResultSet row, Map<?, ?> evidence) throws SQLException;
    }

    private void forBudget(String budgetId, String periodKey, List<String> kinds, RowReader reader) {
        String sql = "SELECT position, decision_id, kind, policy_version, occurred_at, trigger_position, "
                + "evidence::text AS evidence FROM decision WHERE subject = ? AND kind = ANY (?) AND position <= ? "
                + "ORDER BY position";
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            select.setString(1, "budget:" + budgetId + "/" + periodKey);
            select.setArray(2, snapshot.connection().createArrayOf("varchar", kinds.toArray()));
            select.setLong(3, snapshot.asOfPosition());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row, json.object(row.getString("evidence")));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the decisions of budget " + budgetId, failure);
        }
    }

    private String visible(String text) {
        return peopleVisible ? text : PersonRefs.hide(text);
    }

    @Nullable
    static Long number(@Nullable Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return null;
    }

    @Nullable
    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    @Nullable
    private static Instant instant(@Nullable Object value) {
        try {
            return value == null ? null : Instant.parse(value.toString());
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }
}
