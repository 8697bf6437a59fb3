package dev.aispend.policy.activity;

import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who is in which team, from the identity links the ledger recorded (the latest link of a person wins: a move is a
 * new link, history is never rewritten). A person nobody linked belongs to the team their spend names. Team sizes
 * for adoption count linked people only: "people the directory lists for that team".
 */
public final class PeopleDirectory {
    private final Map<String, String> linkedTeam = new HashMap<>();
    private final Map<String, String> spendTeam = new HashMap<>();
    private final TreeMap<String, Set<String>> members = new TreeMap<>();

    public void link(String personRef, String team) {
        String before = linkedTeam.put(personRef, team);
        if (before != null && !before.equals(team)) {
            members.getOrDefault(before, new TreeSet<>()).remove(personRef);
        }
        members.computeIfAbsent(team, unused -> new TreeSet<>()).add(personRef);
    }

    /** Remembers the team a person's spend or outcome named, for people the directory does not list. */
    public void seen(String personRef, String team) {
        spendTeam.put(personRef, team);
    }

    @Nullable
    public String teamOf(String personRef) {
        String linked = linkedTeam.get(personRef);
        return linked != null ? linked : spendTeam.get(personRef);
    }

    /** The people the directory lists for {@code team}, sorted. */
    public Set<String> members(String team) {
        return members.getOrDefault(team, Set.of());
    }

    /** Every team the directory lists someone in, or any spend named, sorted. */
    public Set<String> teams() {
        TreeSet<String> teams = new TreeSet<>(members.keySet());
        teams.addAll(spendTeam.values());
        return teams;
    }
}
