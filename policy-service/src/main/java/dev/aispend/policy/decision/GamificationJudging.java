package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.policy.activity.PeopleDirectory;
import dev.aispend.policy.activity.PersonTally;
import dev.aispend.policy.activity.ZoneActivity;
import dev.aispend.policy.antigaming.AnomalyDefinition;
import dev.aispend.policy.antigaming.AnomalyJudge;
import dev.aispend.policy.badge.BadgeDefinition;
import dev.aispend.policy.badge.BadgeJudge;
import dev.aispend.policy.badge.BadgeTier;
import dev.aispend.policy.phase.PhaseTracker;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what {@link BadgeJudge} and {@link AnomalyJudge} find into decisions: each badge tier once per person and
 * window, only in the badge's phase; each flag once per rule, person and window. People are judged in sorted
 * order, rules in policy id order, so the decisions of one entry always come in one order.
 */
final class GamificationJudging {
    private final PeopleDirectory directory;
    private final PhaseTracker phases;
    private final GamificationRules rules;
    private final Set<String> awarded = new HashSet<>();
    /** Flag ids raised: a rule moved to another time zone closes a window of the same key again. */
    private final Set<String> flagged = new HashSet<>();

    GamificationJudging(PeopleDirectory directory, PhaseTracker phases, GamificationRules rules) {
        this.directory = directory;
        this.phases = phases;
        this.rules = rules;
    }

    /** Counting badges after a person's entry at {@code time}. */
    List<PolicyDecision> counted(String personRef, Instant time, long position, Map<ZoneId, ZoneActivity> zones) {
        List<PolicyDecision> decisions = new ArrayList<>();
        String team = directory.teamOf(personRef);
        for (GamificationRules.Versioned<BadgeDefinition> rule : rules.badges()) {
            BadgeDefinition badge = rule.definition();
            if (!badge.active() || badge.metric().atWindowClose() || phases.phaseOf(team) != badge.phase()) {
                continue;
            }
            ZoneActivity zone = zones.get(badge.timeZone().normalized());
            PersonTally tally = zone == null ? null : zone.tally(badge.window(), personRef, time);
            if (tally == null) {
                continue;
            }
            BadgeJudge.Reached reached = BadgeJudge.counted(badge.metric(), tally,
                    zone.activeWeekStreak(personRef));
            award(rule, personRef, team, badge.window().keyOf(time, badge.timeZone()), reached, tally, position,
                    time, decisions);
        }
        return decisions;
    }

    /** Badges judged at close and anomaly rules, for a window that closed in {@code zone}. */
    List<PolicyDecision> closed(ZoneActivity zone, ZoneActivity.ClosedWindow window, long position) {
        List<PolicyDecision> decisions = new ArrayList<>();
        Map<String, PersonTally> people = new TreeMap<>(window.people());
        for (GamificationRules.Versioned<BadgeDefinition> rule : rules.badges()) {
            BadgeDefinition badge = rule.definition();
            if (!badge.active() || !badge.metric().atWindowClose() || badge.window() != window.window()
                    || !badge.timeZone().normalized().equals(zone.zone())) {
                continue;
            }
            people.forEach((personRef, tally) -> {
                String team = directory.teamOf(personRef);
                if (phases.phaseOf(team) == badge.phase()) {
                    BadgeJudge.atClose(badge, personRef, window, directory).ifPresent(reached -> award(rule,
                            personRef, team, window.key(), reached, tally, position, window.end(), decisions));
                }
            });
        }
        for (GamificationRules.Versioned<AnomalyDefinition> rule : rules.anomalies()) {
            AnomalyDefinition anomaly = rule.definition();
            if (!anomaly.active() || anomaly.window() != window.window()
                    || !anomaly.timeZone().normalized().equals(zone.zone())) {
                continue;
            }
            Map<String, PersonTally> before = zone.windowBefore(window);
            people.forEach((personRef, tally) -> AnomalyJudge.judge(anomaly, personRef, window, before, directory)
                    .filter(figures -> flagged.add(String.join(":", rule.policyId(), personRef, window.key())))
                    .ifPresent(figures -> decisions.add(GamificationDecisions.anomalyFlagged(rule.policyId(),
                            rule.version(), anomaly.name(), anomaly.rule().name(), personRef,
                            String.valueOf(directory.teamOf(personRef)), window.key(), figures, tally, position,
                            window.end()))));
        }
        return decisions;
    }

    private void award(GamificationRules.Versioned<BadgeDefinition> rule, String personRef, String team,
                       String windowKey, BadgeJudge.Reached reached, PersonTally tally, long position,
                       Instant decidedAt, List<PolicyDecision> decisions) {
        BadgeDefinition badge = rule.definition();
        for (Map.Entry<BadgeTier, Long> tier : badge.tiers().entrySet()) {
            if (reached.value() < tier.getValue()) {
                continue;
            }
            String key = String.join(":", rule.policyId(), personRef, windowKey, tier.getKey().name());
            if (awarded.add(key)) {
                decisions.add(GamificationDecisions.badgeAwarded(rule.policyId(), rule.version(), badge,
                        tier.getKey(), personRef, team, windowKey, reached.value(), reached.figures(), tally,
                        position, decidedAt));
            }
        }
    }
}
