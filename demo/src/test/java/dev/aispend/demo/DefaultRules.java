package dev.aispend.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The four default anomaly rules (policy-service's default-anomaly-rules.json, docs/gamification.md) judged over a
 * generated month the way policy-service's AnomalyJudge judges them, on the windows the month closes: who would be
 * flagged, by rule. A test-side copy, so the generator's gamers are checked against what the rules flag.
 */
final class DefaultRules {
    private DefaultRules() {
    }

    /** Window tallies: per window key, per person. A call is a spend record (Claude Code: one per token type). */
    static final class Tally {
        long cost;
        long prompt;
        long output;
        long total;
        long calls;
        long prs;
        final Map<Long, Long> callsByHour = new HashMap<>();
    }

    /** Rule name to the emails of the people it flags in some closed window. */
    static Map<String, Set<String>> flagged(DemoMonth month) {
        Instant watermark = month.uses().get(month.uses().size() - 1).end();
        Map<String, Set<String>> flagged = new HashMap<>();
        Map<String, Map<Person, Tally>> weeks = tallies(month, DefaultRules::week, watermark, true);
        Map<String, Map<Person, Tally>> months = tallies(month, DefaultRules::month, watermark, false);
        List<String> weekKeys = new ArrayList<>(new TreeSet<>(weeks.keySet()));
        for (int index = 0; index < weekKeys.size(); index++) {
            Map<Person, Tally> week = weeks.get(weekKeys.get(index));
            Map<Person, Tally> before = index == 0 ? Map.of() : weeks.get(weekKeys.get(index - 1));
            week.forEach((person, tally) -> {
                if (tally.prs == 0 && tally.cost >= 50_000_000L) {
                    add(flagged, "SPEND_WITHOUT_OUTCOMES", person);
                }
                if (tally.prs == 0 && loopNights(tally) >= 2) {
                    add(flagged, "OVERNIGHT_IDLE_LOOP", person);
                }
                if (tally.calls >= 20 && (inflated(person, week, before, t -> t.prompt / t.calls)
                        || inflated(person, week, before, t -> t.prompt / Math.max(1, t.output)))) {
                    add(flagged, "PROMPT_INFLATION", person);
                }
            });
        }
        months.values().forEach(window -> window.forEach((person, tally) -> {
            Long median = median(person, window, t -> t.prs >= 1, t -> t.total / t.prs);
            if (tally.prs >= 1 && tally.calls > 0 && median != null && tally.total / tally.prs * 100 > median * 500) {
                add(flagged, "TOKENS_PER_MERGED_PR_ABOVE_TEAM_MEDIAN", person);
            }
        }));
        return flagged;
    }

    private static boolean inflated(Person person, Map<Person, Tally> week, Map<Person, Tally> before,
                                    ToLongFunction<Tally> of) {
        long mine = of.applyAsLong(week.get(person));
        Long team = median(person, week, t -> t.calls >= 20, of::applyAsLong);
        Tally previous = before.get(person);
        boolean ownAbove = previous == null || previous.calls < 20 || mine * 100 > of.applyAsLong(previous) * 400;
        return team != null && mine * 100 > team * 400 && ownAbove;
    }

    private static Long median(Person person, Map<Person, Tally> window, java.util.function.Predicate<Tally> counts,
                               Function<Tally, Long> of) {
        List<Long> values = window.entrySet().stream().filter(e -> e.getKey().team().equals(person.team()))
                .filter(e -> counts.test(e.getValue())).map(e -> of.apply(e.getValue())).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static long loopNights(Tally tally) {
        Map<LocalDate, long[]> nights = new HashMap<>();
        tally.callsByHour.forEach((hourKey, calls) -> {
            int hour = (int) (hourKey % 24);
            if (hour >= 22 || hour < 6) {
                LocalDate night = LocalDate.ofEpochDay(hourKey / 24).minusDays(hour < 6 ? 1 : 0);
                long[] counts = nights.computeIfAbsent(night, unused -> new long[2]);
                counts[0] += calls;
                counts[1]++;
            }
        });
        return nights.values().stream().filter(c -> c[0] >= 20 && c[1] >= 3).count();
    }

    private static Map<String, Map<Person, Tally>> tallies(DemoMonth month, Function<Instant, String> window,
                                                           Instant watermark, boolean weekly) {
        Map<String, Map<Person, Tally>> tallies = new HashMap<>();
        for (Use use : month.uses()) {
            Tally tally = tallies.computeIfAbsent(window.apply(use.end()), k -> new HashMap<>())
                    .computeIfAbsent(use.person(), k -> new Tally());
            tally.cost += Prices.cost(use);
            tally.prompt += use.tokens().prompt();
            tally.output += use.tokens().output();
            tally.total += use.tokens().total();
            tally.calls += use.spendRecords();
            tally.callsByHour.merge(use.end().getEpochSecond() / 3600, (long) use.spendRecords(), Long::sum);
        }
        for (MergedPullRequest pr : month.pullRequests()) {
            tallies.computeIfAbsent(window.apply(pr.mergedAt()), k -> new HashMap<>())
                    .computeIfAbsent(pr.author(), k -> new Tally()).prs++;
        }
        tallies.keySet().removeIf(key -> !closed(key, watermark, weekly));
        return tallies;
    }

    private static boolean closed(String key, Instant watermark, boolean weekly) {
        Instant end = weekly ? LocalDate.parse(key).plusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC)
                : YearMonth.parse(key).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return !watermark.isBefore(end.plusSeconds(3600));
    }

    private static String week(Instant instant) {
        return PullRequestGenerator.weekStart(instant).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String month(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC)).toString();
    }

    private static void add(Map<String, Set<String>> flagged, String rule, Person person) {
        flagged.computeIfAbsent(rule, k -> new TreeSet<>()).add(person.email());
    }

    static Set<String> anyRule(Map<String, Set<String>> flagged) {
        return flagged.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    }

}
