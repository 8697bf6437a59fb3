package dev.aispend.report.anomalies;

import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.readmodel.SnapshotRows;
import dev.aispend.report.web.ReportDays;
import io.micronaut.core.annotation.Nullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Flagged spend for any report (the anomalies report, the CFO summary): the anomaly flags dated in a range of UTC
 * days (a flag is dated at its window's end: after the start of {@code from}, at or before the end of {@code to};
 * {@link ReportDays}), open or cleared as of the snapshot's position, with their totals ({@link FlagBook}).
 */
public final class FlaggedSpend {
    private static final String CLEARED_PREFIX = "ANOMALY_CLEARED:";

    private FlaggedSpend() {
    }

    /** Open and cleared flagged spend of the flags dated from {@code from} to {@code to} (UTC days, included). */
    public static FlagBook.Totals between(ReportSnapshot snapshot, LocalDate from, LocalDate to) {
        return between(snapshot, from, to, null);
    }

    /** The same, of one team's flags (the team the flag names) when {@code team} is given. */
    public static FlagBook.Totals between(ReportSnapshot snapshot, LocalDate from, LocalDate to,
                                          @Nullable String team) {
        return FlagBook.totals(flags(snapshot, new ReportDays(from, to), team));
    }

    /** The flags dated in {@code days}, in ledger order, each with its clearing as of the snapshot's position. */
    public static List<FlagBook.Resolved> flags(ReportSnapshot snapshot, ReportDays days, @Nullable String team) {
        Object[] range = {snapshot.asOfPosition(), days.decidedAfter(), days.decidedUpTo(), team, team};
        List<FlagBook.Flag> flags = SnapshotRows.query(snapshot, """
                SELECT position, decision_id, subject, policy_id, policy_version, occurred_at,
                    evidence->>'rule' AS rule, evidence->>'name' AS name, evidence->>'team' AS team,
                    evidence->>'windowKey' AS window_key,
                    COALESCE((evidence->>'flaggedSpendUsdMicros')::bigint, 0) AS flagged_spend
                FROM decision WHERE kind = 'ANOMALY_FLAGGED' AND position <= ? AND occurred_at > ?
                    AND occurred_at <= ? AND (?::text IS NULL OR evidence->>'team' = ?)
                ORDER BY position""", FlaggedSpend::flag, range);
        Object[] clearingRange = {snapshot.asOfPosition(), snapshot.asOfPosition(), days.decidedAfter(),
            days.decidedUpTo(), team, team};
        List<FlagBook.Clearing> clearings = SnapshotRows.query(snapshot, """
                SELECT c.position, c.decision_id, c.occurred_at, c.evidence->>'flagDecisionId' AS flag_id,
                    c.evidence->>'actor' AS actor, c.evidence->>'reason' AS reason
                FROM decision f JOIN decision c ON c.decision_id = 'ANOMALY_CLEARED:' || f.decision_id
                    AND c.kind = 'ANOMALY_CLEARED' AND c.position <= ?
                WHERE f.kind = 'ANOMALY_FLAGGED' AND f.position <= ? AND f.occurred_at > ? AND f.occurred_at <= ?
                    AND (?::text IS NULL OR f.evidence->>'team' = ?)
                ORDER BY c.position""", FlaggedSpend::clearing, clearingRange);
        return FlagBook.resolve(flags, clearings);
    }

    private static FlagBook.Flag flag(ResultSet row) throws SQLException {
        String subject = row.getString("subject");
        return new FlagBook.Flag(row.getLong("position"), row.getString("decision_id"), row.getString("policy_id"),
                row.getLong("policy_version"), SnapshotRows.text(row, "rule"), SnapshotRows.text(row, "name"),
                team(SnapshotRows.text(row, "team")),
                subject.startsWith("person:") ? subject.substring("person:".length()) : subject,
                SnapshotRows.text(row, "window_key"), row.getLong("flagged_spend"),
                SnapshotRows.instant(row, "occurred_at"));
    }

    private static FlagBook.Clearing clearing(ResultSet row) throws SQLException {
        String flagId = SnapshotRows.text(row, "flag_id");
        String decisionId = row.getString("decision_id");
        return new FlagBook.Clearing(row.getLong("position"), decisionId,
                flagId != null ? flagId : decisionId.substring(CLEARED_PREFIX.length()),
                SnapshotRows.text(row, "actor"), SnapshotRows.text(row, "reason"),
                SnapshotRows.instant(row, "occurred_at"));
    }

    /** policy-service writes a person without a team as the text "null" (String.valueOf): no team. */
    @Nullable
    private static String team(@Nullable String recorded) {
        return "null".equals(recorded) ? null : recorded;
    }
}
