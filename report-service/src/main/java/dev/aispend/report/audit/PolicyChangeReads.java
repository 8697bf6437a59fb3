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

/** Reads the policy change history (policy_version and policy_rejection, as of a position) a page at a time. */
@Singleton
public class PolicyChangeReads {
    private static final String VERSIONS = "SELECT position, 'RECORDED' AS outcome, kind, policy_id, version, "
            + "NULL::bigint AS expected_version, NULL::bigint AS current_version, actor, request_id, effective_from, "
            + "occurred_at, NULL::text AS reason, diff::text AS diff, NULL::text AS content FROM policy_version";
    private static final String REJECTIONS = "SELECT position, 'REJECTED', kind, policy_id, NULL::bigint, "
            + "expected_version, current_version, actor, request_id, effective_from, occurred_at, reason, "
            + "NULL::text, content::text FROM policy_rejection";

    private final RecordedJson json;
    private final ReportPrivacy privacy;

    public PolicyChangeReads(RecordedJson json, ReportPrivacy privacy) {
        this.json = json;
        this.privacy = privacy;
    }

    PolicyChangeReport page(ReportSnapshot snapshot, AuditFilter filter) {
        String where = where(filter);
        String changes = VERSIONS + where + " UNION ALL " + REJECTIONS + where;
        long total;
        List<PolicyChangeReport.Change> rows = new ArrayList<>();
        try {
            try (PreparedStatement count = snapshot.connection().prepareStatement(
                    "SELECT COUNT(*) FROM (" + changes + ") changes")) {
                int index = bind(count, 1, snapshot, filter);
                bind(count, index, snapshot, filter);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    total = result.getLong(1);
                }
            }
            try (PreparedStatement select = snapshot.connection().prepareStatement(
                    changes + " ORDER BY position LIMIT ? OFFSET ?")) {
                int index = bind(select, bind(select, 1, snapshot, filter), snapshot, filter);
                select.setInt(index++, filter.page().limit());
                select.setLong(index, filter.page().offset());
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(change(result));
                    }
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not read the policy changes", failure);
        }
        return new PolicyChangeReport(ReportAsOf.of(snapshot), filter.asked(),
                filter.page().paging(total, rows.size()), !privacy.peopleVisible(), rows);
    }

    private PolicyChangeReport.Change change(ResultSet row) throws SQLException {
        return new PolicyChangeReport.Change(row.getLong("position"), row.getString("outcome"), row.getString("kind"),
                row.getString("policy_id"), SnapshotRows.nullableLong(row, "version"),
                SnapshotRows.nullableLong(row, "expected_version"), SnapshotRows.nullableLong(row, "current_version"),
                text(row.getString("actor")), row.getString("request_id"),
                SnapshotRows.instant(row, "effective_from"), SnapshotRows.instant(row, "occurred_at"),
                row.getString("reason"), value(row.getString("diff")), value(row.getString("content")));
    }

    private static String where(AuditFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE position <= ?");
        if (filter.equal().containsKey("kind")) {
            where.append(" AND kind = ?");
        }
        if (filter.equal().containsKey("policyId")) {
            where.append(" AND policy_id = ?");
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
        }
        return where.toString();
    }

    private static int bind(PreparedStatement statement, int first, ReportSnapshot snapshot, AuditFilter filter)
            throws SQLException {
        int index = first;
        statement.setLong(index++, snapshot.asOfPosition());
        if (filter.equal().containsKey("kind")) {
            statement.setString(index++, filter.equal().get("kind"));
        }
        if (filter.equal().containsKey("policyId")) {
            statement.setString(index++, filter.equal().get("policyId"));
        }
        if (filter.from() != null) {
            SnapshotRows.bind(statement, index++, filter.fromInstant());
        }
        if (filter.to() != null) {
            SnapshotRows.bind(statement, index++, filter.toExclusive());
        }
        return index;
    }

    @Nullable
    private Object value(@Nullable String recorded) {
        Object value = json.read(recorded);
        return privacy.peopleVisible() ? value : PersonRefs.hideIn(value);
    }

    private String text(String recorded) {
        return privacy.peopleVisible() ? recorded : PersonRefs.hide(recorded);
    }
}
