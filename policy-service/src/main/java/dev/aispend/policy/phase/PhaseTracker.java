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
import java.util.TreeMap;

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
        if (own != null) {
            return own;
        }
        return organization == null ? Phase.EXPLORATION : organization.definition().phase();
    }

    /** A PHASE policy version recorded; returns the switches it made (none when nothing changed). */
    public List<PhaseSwitch> policyChanged(String policyId, long version, PhaseDefinition definition,
                                           PeopleDirectory directory) {
        Governing governing = new Governing(policyId, version, definition);
        String previousTeam = teamOfPolicy.remove(policyId);
        if (previousTeam != null) {
            ownPolicies.remove(previousTeam);
        } else if (organization != null && organization.policyId().equals(policyId)) {
            organization = null;
        }
        List<PhaseSwitch> switches = new ArrayList<>();
        if (definition.team() != null) {
            Phase from = phaseOf(definition.team());
            ownPolicies.put(definition.team(), governing);
            teamOfPolicy.put(policyId, definition.team());
            explicit.put(definition.team(), definition.phase());
            adoptionRun.remove(definition.team());
            if (from != definition.phase()) {
                switches.add(new PhaseSwitch(definition.team(), from, definition.phase(), false, policyId, version,
                        Map.of("team", definition.team())));
            }
            return switches;
        }
        Phase from = organization == null ? Phase.EXPLORATION : organization.definition().phase();
        Map<String, Object> teamsChanged = new TreeMap<>();
        for (String team : directory.teams()) {
            if (!ownPolicies.containsKey(team)) {
                Phase before = phaseOf(team);
                explicit.remove(team);
                adoptionRun.remove(team);
                if (before != definition.phase()) {
                    teamsChanged.put(team, before.name());
                }
            }
        }
        organization = governing;
        if (from != definition.phase() || !teamsChanged.isEmpty()) {
            switches.add(new PhaseSwitch(null, from, definition.phase(), false, policyId, version,
                    Map.of("teamsSwitched", teamsChanged)));
        }
        return switches;
    }

    /** An ISO week closed in {@code activity}'s zone: counts adoption where an automatic rule in that zone asks. */
    public List<PhaseSwitch> weekClosed(ZoneActivity.ClosedWindow week, ZoneId zone, PeopleDirectory directory) {
        List<PhaseSwitch> switches = new ArrayList<>();
        for (String team : directory.teams()) {
            Governing governing = ownPolicies.getOrDefault(team, organization);
            if (governing == null || governing.definition().automatic() == null
                    || !governing.definition().timeZone().normalized().equals(zone) || phaseOf(team) != Phase.EXPLORATION) {
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
