package dev.aispend.report.audit;

import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.readmodel.SnapshotRows;
import dev.aispend.report.web.ReportPrivacy;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the recorded decisions (the decision table, as of a position) a page at a time. */
@Singleton
public class DecisionReads {
    private static final Map<String, String> COLUMNS = Map.of("kind", "kind", "subject", "subject",
            "policyId", "policy_id");

    private final RecordedJson json;
    private final ReportPrivacy privacy;

    public DecisionReads(RecordedJson json, ReportPrivacy privacy) {
        this.json = json;
        this.privacy = privacy;
    }

    DecisionReport page(ReportSnapshot snapshot, AuditFilter filter) {
        List<String> fields = filter.equal().keySet().stream().sorted().toList();
        StringBuilder where = new StringBuilder(" WHERE position <= ?");
        fields.forEach(field -> where.append(" AND ").append(COLUMNS.get(field)).append(" = ?"));
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
        }
        long total;
        List<DecisionReport.Decision> rows = new ArrayList<>();
        try {
            try (PreparedStatement count = snapshot.connection().prepareStatement(
                    "SELECT COUNT(*) FROM decision" + where)) {
                bind(count, snapshot, filter, fields);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    total = result.getLong(1);
                }
            }
            try (PreparedStatement select = snapshot.connection().prepareStatement("SELECT position, decision_id, "
                    + "kind, subject, policy_id, policy_version, result, reason, occurred_at, trigger_position, "
                    + "inputs::text AS inputs, evidence::text AS evidence FROM decision" + where
                    + " ORDER BY position LIMIT ? OFFSET ?")) {
                int index = bind(select, snapshot, filter, fields);
                select.setInt(index++, filter.page().limit());
                select.setLong(index, filter.page().offset());
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(decision(result));
                    }
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the decisions", failure);
        }
        return new DecisionReport(ReportAsOf.of(snapshot), filter.asked(), filter.page().paging(total, rows.size()),
                !privacy.peopleVisible(), rows);
    }

    private DecisionReport.Decision decision(ResultSet row) throws SQLException {
        List<DecisionReport.Input> inputs = new ArrayList<>();
        if (json.read(row.getString("inputs")) instanceof List<?> recorded) {
            for (Object item : recorded) {
                if (item instanceof Map<?, ?> input) {
                    inputs.add(new DecisionReport.Input(number(input.get("ledgerPosition")),
                            text(String.valueOf(input.get("name"))), number(input.get("amount"))));
                }
            }
        }
        Object evidence = json.read(row.getString("evidence"));
        return new DecisionReport.Decision(row.getLong("position"), text(row.getString("decision_id")),
                row.getString("kind"), text(row.getString("subject")), row.getString("policy_id"),
                row.getLong("policy_version"), row.getString("result"), text(row.getString("reason")),
                SnapshotRows.instant(row, "occurred_at"), SnapshotRows.nullableLong(row, "trigger_position"),
                inputs, privacy.peopleVisible() ? evidence : PersonRefs.hideIn(evidence));
    }

    private static int bind(PreparedStatement statement, ReportSnapshot snapshot, AuditFilter filter,
                            List<String> fields) throws SQLException {
        int index = 1;
        statement.setLong(index++, snapshot.asOfPosition());
        for (String field : fields) {
            statement.setString(index++, filter.equal().get(field));
        }
        if (filter.from() != null) {
            SnapshotRows.bind(statement, index++, filter.fromInstant());
        }
        if (filter.to() != null) {
            SnapshotRows.bind(statement, index++, filter.toExclusive());
        }
        return index;
    }

    private String text(String recorded) {
        return privacy.peopleVisible() ? recorded : PersonRefs.hide(recorded);
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
