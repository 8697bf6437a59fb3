package dev.aispend.report.distribution;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adoption in one week (docs/reports-efficiency.md, distribution): of the people in the directory at the week's
 * end (person ref to team, the departed left out), how many were active that week, overall and per team of the
 * directory; and how many active people are in no team of the directory (unresolved aliases, people who left,
 * people the directory never listed).
 */
final class WeeklyAdoption {
    private WeeklyAdoption() {
    }

    record Counts(long directoryPeople, long activeInDirectory) {
    }

    record TeamCounts(String team, Counts counts) {
    }

    record Week(Counts overall, long activeOutsideDirectory, List<TeamCounts> teams) {
    }

    /**
     * @param directory      person ref to team, every person in the directory at the week's end
     * @param active         the people with spend above zero in the week, whatever team it counted for
     * @param activeInScope  the active people to count outside the directory: all of them, or with a team filter
     *                       those whose spend counted for that team
     * @param team           the team filter, or null
     */
    static Week of(Map<String, String> directory, Set<String> active, Set<String> activeInScope,
                   @Nullable String team) {
        Map<String, long[]> byTeam = new TreeMap<>();
        for (Map.Entry<String, String> person : directory.entrySet()) {
            if (team != null && !team.equals(person.getValue())) {
                continue;
            }
            long[] counts = byTeam.computeIfAbsent(person.getValue(), name -> new long[2]);
            counts[0]++;
            if (active.contains(person.getKey())) {
                counts[1]++;
            }
        }
        long people = 0;
        long activeIn = 0;
        List<TeamCounts> teams = new java.util.ArrayList<>();
        for (Map.Entry<String, long[]> entry : byTeam.entrySet()) {
            people += entry.getValue()[0];
            activeIn += entry.getValue()[1];
            teams.add(new TeamCounts(entry.getKey(), new Counts(entry.getValue()[0], entry.getValue()[1])));
        }
        long outside = activeInScope.stream().filter(person -> !directory.containsKey(person)).count();
        return new Week(new Counts(people, activeIn), outside, List.copyOf(teams));
    }
}
