package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.activity.PeopleDirectory;
import dev.aispend.policy.antigaming.AnomalyContent;
import dev.aispend.policy.antigaming.AnomalyDefinition;
import dev.aispend.policy.badge.BadgeContent;
import dev.aispend.policy.badge.BadgeDefinition;
import dev.aispend.policy.phase.PhaseContent;
import dev.aispend.policy.phase.PhaseDefinition;
import dev.aispend.policy.phase.PhaseTracker;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The badge and anomaly rules in force, by policy id (sorted, so every judge runs them in one order), each at its
 * latest version the ledger recorded. A version whose content does not parse (the API refuses such content; the
 * ledger does not judge these kinds) is passed over and the previous version stays in force, as the checks' rules
 * do for budgets.
 */
final class GamificationRules {
    /** A rule at a version. */
    record Versioned<T>(String policyId, long version, T definition) {
    }

    private final Map<String, Versioned<BadgeDefinition>> badges = new TreeMap<>();
    private final Map<String, Versioned<AnomalyDefinition>> anomalies = new TreeMap<>();
    private final Set<ZoneId> zones = new LinkedHashSet<>();

    /** Records a policy version; a PHASE version goes to {@code phases}, and its switches come back as decisions. */
    List<PolicyDecision> changed(PolicyChanged changed, long position, PhaseTracker phases,
                                 PeopleDirectory directory) {
        List<PolicyDecision> decisions = new ArrayList<>();
        try {
            if (changed.kind() == PolicyKind.BADGE_RULE) {
                BadgeDefinition badge = BadgeContent.parse(changed.content());
                badges.put(changed.policyId(), new Versioned<>(changed.policyId(), changed.version(), badge));
                zones.add(badge.timeZone().normalized());
            } else if (changed.kind() == PolicyKind.ANOMALY_RULE) {
                AnomalyDefinition rule = AnomalyContent.parse(changed.content());
                anomalies.put(changed.policyId(), new Versioned<>(changed.policyId(), changed.version(), rule));
                zones.add(rule.timeZone().normalized());
            } else if (changed.kind() == PolicyKind.PHASE) {
                PhaseDefinition phase = PhaseContent.parse(changed.content());
                zones.add(phase.timeZone().normalized());
                phases.policyChanged(changed.policyId(), changed.version(), phase, directory).forEach(change ->
                        decisions.add(GamificationDecisions.phaseChanged(change, position, changed.occurredAt())));
            }
        } catch (RuntimeException unreadable) {
            // Passed over: the version before stays in force (see the class comment).
            return decisions;
        }
        return decisions;
    }

    Iterable<Versioned<BadgeDefinition>> badges() {
        return badges.values();
    }

    Iterable<Versioned<AnomalyDefinition>> anomalies() {
        return anomalies.values();
    }

    /** Every time zone a rule has named, normalized ("UTC" is "Z"), in the order first named. */
    Set<ZoneId> zones() {
        return zones;
    }
}
