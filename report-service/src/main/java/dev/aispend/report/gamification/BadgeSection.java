package dev.aispend.report.gamification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The badges part of the gamification report: every award dated in the range (a person and the decision id, which
 * names the person, only for callers who may see people; no award of a hidden team), and per team the awards
 * counted by badge and tier. Pure.
 */
final class BadgeSection {
    /** The tiers in their order (policy-service badge/BadgeTier); any other sorts after them, by name. */
    private static final List<String> TIERS = List.of("BRONZE", "SILVER", "GOLD", "PLATINUM", "EMERALD");
    private static final Comparator<String> TEAMS = Comparator.nullsFirst(Comparator.naturalOrder());

    private BadgeSection() {
    }

    static GamificationReport.Badges of(List<GamificationDecisionReads.BadgeDecision> awards,
                                        Map<String, Long> teamSizes, Set<String> hidden, boolean peopleVisible) {
        List<GamificationReport.Award> shown = new ArrayList<>();
        Map<String, List<GamificationDecisionReads.BadgeDecision>> byTeam = new HashMap<>();
        for (GamificationDecisionReads.BadgeDecision award : awards) {
            byTeam.computeIfAbsent(award.team(), unused -> new ArrayList<>()).add(award);
            if (!hidden.contains(award.team())) {
                shown.add(new GamificationReport.Award(award.team(), award.badgeId(), award.badgeVersion(),
                        award.badge(), award.tier(), award.windowKey(), award.awardedAt(), award.position(),
                        peopleVisible ? award.personRef() : null, peopleVisible ? award.decisionId() : null));
            }
        }
        List<GamificationReport.TeamBadges> teams = new ArrayList<>();
        Set<String> hiddenTeams = new HashSet<>();
        byTeam.keySet().stream().sorted(TEAMS).forEach(team -> {
            long people = teamSizes.getOrDefault(team, 0L);
            if (hidden.contains(team)) {
                hiddenTeams.add(team);
                teams.add(new GamificationReport.TeamBadges(team, people, true, null, null));
            } else {
                List<GamificationDecisionReads.BadgeDecision> own = byTeam.get(team);
                teams.add(new GamificationReport.TeamBadges(team, people, false, (long) own.size(), counts(own)));
            }
        });
        return new GamificationReport.Badges(awards.size(), shown, teams, hiddenTeams.size());
    }

    /** A team's awards counted per badge and tier: by badge id, then tier in tier order. */
    static List<GamificationReport.BadgeCount> counts(List<GamificationDecisionReads.BadgeDecision> awards) {
        Map<String, Map<String, Long>> perBadge = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (GamificationDecisionReads.BadgeDecision award : awards) {
            perBadge.computeIfAbsent(award.badgeId(), unused -> new TreeMap<>(BadgeSection::compareTiers))
                    .merge(award.tier(), 1L, Long::sum);
            // The name of the badge's latest version among the awards (awards come in ledger order).
            names.put(award.badgeId(), award.badge());
        }
        List<GamificationReport.BadgeCount> counts = new ArrayList<>();
        perBadge.forEach((badgeId, tiers) -> tiers.forEach((tier, count) ->
                counts.add(new GamificationReport.BadgeCount(badgeId, names.get(badgeId), tier, count))));
        return counts;
    }

    static int compareTiers(String first, String second) {
        int firstIndex = TIERS.indexOf(first);
        int secondIndex = TIERS.indexOf(second);
        if (firstIndex >= 0 && secondIndex >= 0) {
            return Integer.compare(firstIndex, secondIndex);
        }
        if (firstIndex >= 0 || secondIndex >= 0) {
            return firstIndex >= 0 ? -1 : 1;
        }
        return first.compareTo(second);
    }
}
