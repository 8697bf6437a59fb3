package dev.aispend.report.efficiency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The efficiency figures of one period worked out a second, plain way from the ledger's lines (LedgerLines: the
 * payloads with the fixture's attribution rules), never from the report's code: sums per team and person, a sort,
 * and the tier rule as the issue words it. A person counts in a team when they have records, cost or merged PRs
 * in it.
 */
final class ExpectedEfficiency {
    static final class Sums {
        long prs;
        long cost;
        long tokens;
        final Set<String> people = new HashSet<>();
    }

    record Period(Map<String, Sums> teams, Map<String, Sums> tiers, long withoutSpendPeople,
                  long withoutSpendPrs) {
    }

    private ExpectedEfficiency() {
    }

    static Period of(List<LedgerLines> lines, LocalDate from, LocalDate to, String team) {
        // team -> person -> {cost, tokens, records, PRs}
        Map<String, Map<String, long[]>> byTeam = new TreeMap<>();
        for (LedgerLines line : lines) {
            if (line.within(from, to) && (team == null || team.equals(line.team()))) {
                long[] sums = byTeam.computeIfAbsent(line.team(), name -> new TreeMap<>())
                        .computeIfAbsent(line.personRef(), name -> new long[4]);
                sums[0] += line.costUsdMicros();
                sums[1] += line.tokens();
                sums[2] += line.records();
                sums[3] += line.mergedPrs();
            }
        }
        Map<String, Sums> teams = new TreeMap<>();
        Map<String, Sums> persons = new TreeMap<>();
        byTeam.forEach((name, people) -> people.forEach((person, sums) -> {
            if (sums[0] == 0 && sums[1] == 0 && sums[2] == 0 && sums[3] == 0) {
                return;
            }
            for (Sums target : List.of(teams.computeIfAbsent(name, unused -> new Sums()),
                    persons.computeIfAbsent(person, unused -> new Sums()))) {
                target.cost += sums[0];
                target.tokens += sums[1];
                target.prs += sums[3];
                if (sums[0] != 0 || sums[2] != 0 || sums[3] != 0) {
                    target.people.add(person);
                }
            }
        }));
        List<Map.Entry<String, Sums>> ranked = new ArrayList<>(persons.entrySet().stream()
                .filter(person -> person.getValue().cost > 0).toList());
        ranked.sort(Comparator.comparing((Map.Entry<String, Sums> person) -> person.getValue().cost)
                .thenComparing(Map.Entry::getKey));
        Map<String, Sums> tiers = new HashMap<>();
        int n = ranked.size();
        int topDecile = (int) Math.ceil(n / 10.0);
        for (int r = 0; r < n; r++) {
            add(tiers.computeIfAbsent("Q" + (5 * r / n + 1), name -> new Sums()), ranked.get(r));
            if (r >= n - topDecile) {
                add(tiers.computeIfAbsent("D10", name -> new Sums()), ranked.get(r));
            }
        }
        long withoutPeople = persons.values().stream().filter(person -> person.cost <= 0 && person.prs > 0).count();
        long withoutPrs = persons.values().stream().filter(person -> person.cost <= 0).mapToLong(person -> person.prs)
                .sum();
        return new Period(teams, tiers, withoutPeople, withoutPrs);
    }

    private static void add(Sums tier, Map.Entry<String, Sums> person) {
        tier.cost += person.getValue().cost;
        tier.tokens += person.getValue().tokens;
        tier.prs += person.getValue().prs;
        tier.people.add(person.getKey());
    }

    /** a / b rounded half up, for a >= 0 and b > 0: floor((2a + b) / 2b); null for b = 0. */
    static Long halfUp(long a, long b) {
        return b == 0 ? null : (2 * a + b) / (2 * b);
    }

    /** a / b with two places, rounded half up, for a >= 0 and b > 0. */
    static String twoPlaces(long a, long b) {
        if (b == 0) {
            return null;
        }
        long hundredths = (200 * a + b) / (2 * b);
        return hundredths / 100 + "." + String.format("%02d", hundredths % 100);
    }
}
