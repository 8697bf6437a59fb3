package dev.aispend.policy.gamification;

import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.policy.decision.GamificationDecisions;
import dev.aispend.policy.decision.GamificationRecordsWriter;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Records what the gamification decisions read back from ledger.v1 say, in the gamification projection's
 * transaction: a team's phase, a badge awarded, a flag raised or cleared (V6 tables). Only recorded decisions
 * count: what the evaluator sent but the ledger has not recorded is not shown. A decision recorded twice changes
 * nothing.
 */
@Singleton
public class GamificationRecords implements GamificationRecordsWriter {
    private final JsonMapper json;

    GamificationRecords(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        try {
            for (LedgerEvent event : events) {
                if (event.payload() instanceof PolicyDecisionRecorded recorded) {
                    record(connection, recorded.decision(), event.position());
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not record gamification decisions through position "
                    + events.get(events.size() - 1).position(), failure);
        }
    }

    private void record(Connection connection, PolicyDecision decision, long position) throws SQLException {
        Map<String, Object> evidence = decision.evidence() == null ? Map.of() : decision.evidence();
        switch (decision.kind()) {
            case GamificationDecisions.PHASE_CHANGED -> phaseChanged(connection, decision, evidence, position);
            case GamificationDecisions.BADGE_AWARDED -> update(connection, """
                    INSERT INTO badge_award (decision_id, person_ref, team, badge_id, badge_version, tier, window_key,
                        evidence, ledger_position, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (decision_id) DO NOTHING""",
                    decision.decisionId(), person(decision), text(evidence.get("team")), decision.policyId(),
                    decision.policyVersion(), decision.result(), text(evidence.get("windowKey")), write(evidence),
                    position, decision.decidedAt().toString());
            case GamificationDecisions.ANOMALY_FLAGGED -> update(connection, """
                    INSERT INTO anomaly_flag (decision_id, person_ref, team, rule_id, rule_version, window_key,
                        flagged_spend_usd_micros, evidence, ledger_position, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id) DO NOTHING""",
                    decision.decisionId(), person(decision), text(evidence.get("team")), decision.policyId(),
                    decision.policyVersion(), text(evidence.get("windowKey")),
                    ((Number) evidence.getOrDefault("flaggedSpendUsdMicros", 0)).longValue(), write(evidence),
                    position, decision.decidedAt().toString());
            case GamificationDecisions.ANOMALY_CLEARED -> update(connection, """
                    UPDATE anomaly_flag SET cleared_decision_id = ?, cleared_by = ?, cleared_reason = ?,
                        cleared_at = ?, cleared_position = ?
                    WHERE decision_id = ? AND cleared_decision_id IS NULL""",
                    decision.decisionId(), text(evidence.get("actor")), text(evidence.get("reason")),
                    decision.decidedAt().toString(), position, text(evidence.get("flagDecisionId")));
            default -> {
            }
        }
    }

    /**
     * A team's phase, or the organization's: teams that follow the organization from this decision on lose their
     * own row (the API shows them following {@code org}).
     */
    private void phaseChanged(Connection connection, PolicyDecision decision, Map<String, Object> evidence,
                              long position) throws SQLException {
        String team = decision.subject().substring("phase:".length());
        if (GamificationDecisions.ORGANIZATION.equals(team)
                && evidence.get("teamsFollowing") instanceof List<?> list) {
            for (Object following : list) {
                update(connection, "DELETE FROM team_phase WHERE team = ? AND ledger_position < ?",
                        following.toString(), position);
            }
        }
        update(connection, """
                INSERT INTO team_phase (team, phase, how, policy_id, policy_version, decision_id, ledger_position,
                        decided_at, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (team) DO UPDATE SET phase = EXCLUDED.phase, how = EXCLUDED.how,
                    policy_id = EXCLUDED.policy_id, policy_version = EXCLUDED.policy_version,
                    decision_id = EXCLUDED.decision_id, ledger_position = EXCLUDED.ledger_position,
                    decided_at = EXCLUDED.decided_at, evidence = EXCLUDED.evidence
                WHERE team_phase.ledger_position < EXCLUDED.ledger_position""",
                team, decision.result(), text(evidence.get("how")), decision.policyId(), decision.policyVersion(),
                decision.decisionId(), position, decision.decidedAt().toString(), write(evidence));
    }

    private static String person(PolicyDecision decision) {
        return decision.subject().startsWith("person:") ? decision.subject().substring("person:".length())
                : decision.subject();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void reset(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM team_phase");
            statement.executeUpdate("DELETE FROM badge_award");
            statement.executeUpdate("DELETE FROM anomaly_flag");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not empty the gamification tables", failure);
        }
    }
}
