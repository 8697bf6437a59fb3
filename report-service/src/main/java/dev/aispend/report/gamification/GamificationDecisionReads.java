package dev.aispend.report.gamification;

import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.readmodel.SnapshotRows;
import dev.aispend.report.web.ReportDays;
import io.micronaut.core.annotation.Nullable;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phase and badge decisions and the directory's teams as the ledger recorded them up to a snapshot's position
 * (the decision and identity_link tables are append-only: as of P is {@code position <= P}).
 */
final class GamificationDecisionReads {
    private GamificationDecisionReads() {
    }

    /** A recorded BADGE_AWARDED (decision/GamificationDecisions): the person is the subject {@code person:<ref>}. */
    record BadgeDecision(long position, String decisionId, @Nullable String personRef, String badgeId,
                         long badgeVersion, String tier, String badge, @Nullable String team,
                         @Nullable String windowKey, Instant awardedAt) {
    }

    static List<PhaseResolution.PhaseDecision> phases(ReportSnapshot snapshot) {
        return SnapshotRows.query(snapshot, """
                SELECT position, decision_id, subject, result, policy_id, policy_version, occurred_at,
                    evidence->>'how' AS how,
                    ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(evidence->'teamsFollowing') = 'array'
                        THEN evidence->'teamsFollowing' ELSE '[]'::jsonb END)) AS teams_following
                FROM decision WHERE kind = 'PHASE_CHANGED' AND position <= ? ORDER BY position""",
                row -> new PhaseResolution.PhaseDecision(row.getLong("position"), row.getString("decision_id"),
                        stripPrefix(row.getString("subject"), "phase:"), row.getString("result"),
                        SnapshotRows.text(row, "how"), SnapshotRows.instant(row, "occurred_at"),
                        row.getString("policy_id"), row.getLong("policy_version"), texts(row, "teams_following")),
                snapshot.asOfPosition());
    }

    /** Every team the directory listed someone in up to the position. */
    static List<String> directoryTeams(ReportSnapshot snapshot) {
        return SnapshotRows.query(snapshot,
                "SELECT DISTINCT team FROM identity_link WHERE position <= ? ORDER BY team",
                row -> row.getString("team"), snapshot.asOfPosition());
    }

    /** Each person's team as the directory lists them up to the position: their latest link by effective time. */
    static Map<String, String> directoryTeamOfPeople(ReportSnapshot snapshot) {
        Map<String, String> teams = new HashMap<>();
        SnapshotRows.query(snapshot, """
                SELECT DISTINCT ON (person_ref) person_ref, team FROM identity_link WHERE position <= ?
                ORDER BY person_ref, effective_from DESC, position DESC""",
                row -> teams.put(row.getString("person_ref"), row.getString("team")), snapshot.asOfPosition());
        return teams;
    }

    /** The badges dated in {@code days}, of {@code team} when given, in ledger order. */
    static List<BadgeDecision> badges(ReportSnapshot snapshot, ReportDays days, @Nullable String team) {
        return SnapshotRows.query(snapshot, """
                SELECT position, decision_id, subject, policy_id, policy_version, result, occurred_at,
                    evidence->>'badge' AS badge, evidence->>'team' AS team, evidence->>'windowKey' AS window_key
                FROM decision WHERE kind = 'BADGE_AWARDED' AND position <= ? AND occurred_at > ? AND occurred_at <= ?
                    AND (?::text IS NULL OR evidence->>'team' = ?)
                ORDER BY position""",
                row -> new BadgeDecision(row.getLong("position"), row.getString("decision_id"),
                        stripPrefix(row.getString("subject"), "person:"), row.getString("policy_id"),
                        row.getLong("policy_version"), row.getString("result"),
                        badgeName(row), SnapshotRows.text(row, "team"), SnapshotRows.text(row, "window_key"),
                        SnapshotRows.instant(row, "occurred_at")),
                snapshot.asOfPosition(), days.decidedAfter(), days.decidedUpTo(), team, team);
    }

    private static String badgeName(ResultSet row) throws SQLException {
        String name = SnapshotRows.text(row, "badge");
        return name == null ? row.getString("policy_id") : name;
    }

    private static String stripPrefix(String subject, String prefix) {
        return subject.startsWith(prefix) ? subject.substring(prefix.length()) : subject;
    }

    private static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }
}
