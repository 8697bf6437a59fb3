package dev.aispend.policy.phase;

import dev.aispend.policy.activity.PeopleDirectory;
import dev.aispend.policy.activity.PersonTally;
import dev.aispend.policy.activity.ZoneActivity;
import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every team's phase as the ledger's PHASE policies and the automatic rule make it. Pure: fed policy versions and
 * closed ISO weeks in ledger order, it answers the phase of a team at that point and returns the switches.
 *
 * <p>A team follows its own PHASE policy, else the organization's (team absent), else EXPLORATION. A new version
 * sets the phase it names (a manual switch when that differs) and restarts the count of weeks. The automatic rule
 * of the governing policy switches a team in EXPLORATION to OUTCOME once its weekly adoption, the people the
 * directory lists for the team with spend in the week over all of them, is at or above the percentage for the
 * number of consecutive weeks; a week in which the directory lists nobody for the team breaks the run. Nothing
 * switches a team back but a policy version.
 */
public final class PhaseTracker {
    private record Governing(String policyId, long version, PhaseDefinition definition) {
    }

    private Governing organization;
    private final Map<String, Governing> ownPolicies = new TreeMap<>();
    private final Map<String, String> teamOfPolicy = new HashMap<>();
    private final Map<String, Phase> explicit = new HashMap<>();
    private final Map<String, Deque<Map<String, Object>>> adoptionRun = new HashMap<>();

    public Phase phaseOf(String team) {
        Phase own = explicit.get(team);
        return own != null ? own : organizationPhase();
    }

    /**
     * A PHASE policy version recorded; returns the switches it made (none when nothing changed): of the team whose
     * policy it is, of a team the policy governed before (when a version names another team), and of the
     * organization, whose decision names the teams it switched and every team that follows it from here.
     */
    public List<PhaseSwitch> policyChanged(String policyId, long version, PhaseDefinition definition,
                                           PeopleDirectory directory) {
        Set<String> teams = new TreeSet<>(directory.teams());
        teams.addAll(ownPolicies.keySet());
        if (definition.team() != null) {
            teams.add(definition.team());
        }
        // Every phase before this version, taken before anything is changed.
        Map<String, Phase> before = new HashMap<>();
        teams.forEach(team -> before.put(team, phaseOf(team)));
        Phase organizationBefore = organizationPhase();
        String previousTeam = teamOfPolicy.remove(policyId);
        if (previousTeam != null) {
            ownPolicies.remove(previousTeam);
            explicit.remove(previousTeam);
            adoptionRun.remove(previousTeam);
        }
        boolean wasOrganization = organization != null && organization.policyId().equals(policyId);
        if (wasOrganization) {
            organization = null;
        }
        Governing governing = new Governing(policyId, version, definition);
        if (definition.team() != null) {
            ownPolicies.put(definition.team(), governing);
            teamOfPolicy.put(policyId, definition.team());
            explicit.put(definition.team(), definition.phase());
            adoptionRun.remove(definition.team());
        } else {
            // Every team without a policy of its own follows the organization from here, its weeks counted anew.
            teams.stream().filter(team -> !ownPolicies.containsKey(team)).forEach(team -> {
                explicit.remove(team);
                adoptionRun.remove(team);
            });
            organization = governing;
        }
        List<PhaseSwitch> switches = new ArrayList<>();
        for (String team : new String[] {definition.team(), previousTeam}) {
            if (team != null && before.get(team) != phaseOf(team) && switches.stream()
                    .noneMatch(change -> team.equals(change.team()))) {
                switches.add(new PhaseSwitch(team, before.get(team), phaseOf(team), false, policyId, version,
                        Map.of("team", team)));
            }
        }
        if (definition.team() == null || wasOrganization) {
            organizationSwitch(policyId, version, teams, before, organizationBefore).ifPresent(switches::add);
        }
        return switches;
    }

    private java.util.Optional<PhaseSwitch> organizationSwitch(String policyId, long version, Set<String> teams,
                                                              Map<String, Phase> before, Phase organizationBefore) {
        Map<String, Object> switched = new TreeMap<>();
        List<String> following = new ArrayList<>();
        for (String team : teams) {
            if (!ownPolicies.containsKey(team)) {
                following.add(team);
                if (before.get(team) != phaseOf(team)) {
                    switched.put(team, before.get(team).name());
                }
            }
        }
        if (organizationBefore == organizationPhase() && switched.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("teamsSwitched", switched);
        evidence.put("teamsFollowing", following);
        return java.util.Optional.of(new PhaseSwitch(null, organizationBefore, organizationPhase(), false, policyId,
                version, evidence));
    }

    private Phase organizationPhase() {
        return organization == null ? Phase.EXPLORATION : organization.definition().phase();
    }

    /** An ISO week closed in {@code activity}'s zone: counts adoption where an automatic rule in that zone asks. */
    public List<PhaseSwitch> weekClosed(ZoneActivity.ClosedWindow week, ZoneId zone, PeopleDirectory directory) {
        List<PhaseSwitch> switches = new ArrayList<>();
        for (String team : directory.teams()) {
            Governing governing = ownPolicies.getOrDefault(team, organization);
            if (governing == null || governing.definition().automatic() == null
                    || !governing.definition().timeZone().normalized().equals(zone)
                    || phaseOf(team) != Phase.EXPLORATION) {
                continue;
            }
            PhaseSwitch switched = countWeek(team, governing, week, directory);
            if (switched != null) {
                switches.add(switched);
            }
        }
        return switches;
    }

    @Nullable
    private PhaseSwitch countWeek(String team, Governing governing, ZoneActivity.ClosedWindow week,
                                  PeopleDirectory directory) {
        PhaseDefinition.AutomaticSwitch rule = governing.definition().automatic();
        long listed = directory.members(team).size();
        long active = directory.members(team).stream().filter(person -> {
            PersonTally tally = week.people().get(person);
            return tally != null && tally.calls() > 0;
        }).count();
        Deque<Map<String, Object>> run = adoptionRun.computeIfAbsent(team, unused -> new ArrayDeque<>());
        // Integers only: active / listed >= percent / 100, exactly at the percentage too.
        if (listed == 0 || active * 100 < (long) rule.adoptionPercent() * listed) {
            run.clear();
            return null;
        }
        Map<String, Object> weekFigures = new LinkedHashMap<>();
        weekFigures.put("week", week.key());
        weekFigures.put("activePeople", active);
        weekFigures.put("listedPeople", listed);
        weekFigures.put("adoptionPercent", active * 100 / listed);
        run.addLast(weekFigures);
        if (run.size() < rule.consecutiveWeeks()) {
            return null;
        }
        explicit.put(team, Phase.OUTCOME);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("team", team);
        evidence.put("adoptionPercentRequired", rule.adoptionPercent());
        evidence.put("consecutiveWeeksRequired", rule.consecutiveWeeks());
        evidence.put("weeks", List.copyOf(run));
        adoptionRun.remove(team);
        return new PhaseSwitch(team, Phase.EXPLORATION, Phase.OUTCOME, true, governing.policyId(),
                governing.version(), evidence);
    }
}
