package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.policy.activity.PersonTally;
import dev.aispend.policy.badge.BadgeDefinition;
import dev.aispend.policy.badge.BadgeTier;
import dev.aispend.policy.phase.PhaseSwitch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gamification decisions as recorded: kinds, ids, subjects and evidence. Ids are deterministic (a rule, a
 * person, a window, a tier; or a team and the triggering position), so deriving them again from the same ledger
 * prefix gives the same ids and the ledger records each once. The names are part of recorded decisions: they never
 * change.
 */
public final class GamificationDecisions {
    public static final String PHASE_CHANGED = "PHASE_CHANGED";
    public static final String BADGE_AWARDED = "BADGE_AWARDED";
    public static final String ANOMALY_FLAGGED = "ANOMALY_FLAGGED";
    /** A reviewer's clearing of a flag: an outside request, recorded with its actor (not derived). */
    public static final String ANOMALY_CLEARED = "ANOMALY_CLEARED";
    public static final String FLAGGED = "FLAGGED";
    public static final String CLEARED = "CLEARED";
    /** The subject of the organization's phase (teams without a phase policy of their own). */
    public static final String ORGANIZATION = "org";

    private GamificationDecisions() {
    }

    /** Whether a recorded decision of {@code kind} is derived from the ledger (and so re-derived by verification). */
    public static boolean derived(String kind) {
        return PHASE_CHANGED.equals(kind) || BADGE_AWARDED.equals(kind) || ANOMALY_FLAGGED.equals(kind);
    }

    static PolicyDecision phaseChanged(PhaseSwitch change, long position, Instant decidedAt) {
        String subject = change.team() == null ? ORGANIZATION : change.team();
        Map<String, Object> evidence = new LinkedHashMap<>(change.evidence());
        evidence.put("from", change.from().name());
        evidence.put("to", change.to().name());
        evidence.put("how", change.automatic() ? "AUTOMATIC" : "MANUAL");
        String reason = (change.team() == null ? "the organization" : "team " + change.team()) + " switched from "
                + change.from() + " to " + change.to() + (change.automatic() ? " on weekly adoption"
                : " by policy " + change.policyId() + " version " + change.policyVersion());
        return new PolicyDecision(PHASE_CHANGED + ":" + subject + "@" + position, PHASE_CHANGED, "phase:" + subject,
                change.policyId(), change.policyVersion(), List.of(new PolicyDecision.DecisionInput(position,
                "trigger", 0)), change.to().name(), reason, decidedAt, position, evidence);
    }

    static PolicyDecision badgeAwarded(String badgeId, long badgeVersion, BadgeDefinition badge, BadgeTier tier,
                                       String personRef, String team, String windowKey, long value,
                                       Map<String, Object> figures, PersonTally tally, long position,
                                       Instant decidedAt) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("badge", badge.name());
        evidence.put("metric", badge.metric().name());
        evidence.put("phase", badge.phase().name());
        evidence.put("team", team);
        evidence.put("window", badge.window().name());
        evidence.put("windowKey", windowKey);
        evidence.put("threshold", badge.tiers().get(tier));
        evidence.put("value", value);
        evidence.put("figures", figures);
        evidence.put("positions", positions(tally));
        return new PolicyDecision(String.join(":", BADGE_AWARDED, badgeId, personRef, windowKey, tier.name()),
                BADGE_AWARDED, "person:" + personRef, badgeId, badgeVersion, inputs(tally, position),
                tier.name(), badge.name() + " " + tier + ": " + badge.metric() + " " + value + " reached "
                + badge.tiers().get(tier) + " in " + windowKey, decidedAt, position, evidence);
    }

    static PolicyDecision anomalyFlagged(String ruleId, long ruleVersion, String ruleName, String rule,
                                         String personRef, String team, String windowKey,
                                         Map<String, Object> figures, PersonTally tally, long position,
                                         Instant decidedAt) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rule", rule);
        evidence.put("name", ruleName);
        evidence.put("team", team);
        evidence.put("windowKey", windowKey);
        // What the report shows "under review" until a reviewer clears the flag.
        evidence.put("flaggedSpendUsdMicros", tally.costUsdMicros());
        evidence.put("figures", figures);
        evidence.put("positions", positions(tally));
        return new PolicyDecision(String.join(":", ANOMALY_FLAGGED, ruleId, personRef, windowKey), ANOMALY_FLAGGED,
                "person:" + personRef, ruleId, ruleVersion, inputs(tally, position), FLAGGED,
                ruleName + " (" + rule + ") in " + windowKey, decidedAt, position, evidence);
    }

    private static Map<String, Object> positions(PersonTally tally) {
        Map<String, Object> positions = new LinkedHashMap<>();
        positions.put("first", tally.firstPosition());
        positions.put("last", tally.lastPosition());
        positions.put("entries", tally.entries());
        return positions;
    }

    private static List<PolicyDecision.DecisionInput> inputs(PersonTally tally, long position) {
        return List.of(new PolicyDecision.DecisionInput(tally.firstPosition(), "window:first", 0),
                new PolicyDecision.DecisionInput(tally.lastPosition(), "window:last", tally.entries()),
                new PolicyDecision.DecisionInput(position, "trigger", 0));
    }
}
