package dev.aispend.report.efficiency;

import dev.aispend.contracts.ledger.OutcomeRecorded;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.usage.UsageAccounting;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The efficiency figures of one period worked out a second, plain way, straight from the payloads the test
 * published (never from the report's code): loops over the records, a sort, and the tier rule as the issue words
 * it. Spend records only (no re-pricing or re-attribution in these ledgers).
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

    static Period of(List<Object> payloads, LocalDate from, LocalDate to, String team) {
        Map<String, Sums> teams = new TreeMap<>();
        Map<String, Sums> persons = new TreeMap<>();
        for (Object payload : payloads) {
            if (payload instanceof SpendRecorded spend && within(spend.occurredAt().atZone(ZoneOffset.UTC)
                    .toLocalDate(), from, to) && (team == null || team.equals(spend.team()))) {
                long tokens = spend.spend().tokens().totalTokens();
                for (Sums sums : List.of(teams.computeIfAbsent(spend.team(), name -> new Sums()),
                        persons.computeIfAbsent(spend.personRef(), name -> new Sums()))) {
                    sums.cost += spend.spend().costUsdMicros();
                    sums.tokens += tokens;
                    sums.people.add(spend.personRef());
                }
            }
            if (payload instanceof OutcomeRecorded outcome && "pull_request_merged".equals(outcome.kind())
                    && outcome.accounting() != UsageAccounting.EVIDENCE
                    && within(outcome.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), from, to)
                    && (team == null || team.equals(outcome.team()))) {
                for (Sums sums : List.of(teams.computeIfAbsent(outcome.team(), name -> new Sums()),
                        persons.computeIfAbsent(outcome.personRef(), name -> new Sums()))) {
                    sums.prs += 1;
                    sums.people.add(outcome.personRef());
                }
            }
        }
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

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
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
