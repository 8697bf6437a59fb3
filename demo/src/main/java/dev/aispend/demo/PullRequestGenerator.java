package dev.aispend.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The AI-era pull requests people merge, ISO week by ISO week (UTC, the anti-gaming rules' windows), in the weeks
 * they used AI: about 1.5 in a week of two or more days with AI for a typical person, growing with the 0.23th power
 * of their usage (twenty times the usage buys about twice the output, as Jellyfish measured), at least one in any
 * week they spent $30 or more, none for the support team (it writes no code) nor the overnight gamer (whose loops
 * lead nowhere). Merged on working days, 10:00-18:59 UTC. (An author with merges but no use in a week would put a
 * zero into the team's median tokens per PR and get every AI user of the team flagged: docs/demo.md.)
 */
final class PullRequestGenerator {
    private static final double PRS_PER_WEEK = 1.5;
    private static final double OUTPUT_ELASTICITY = 0.23;
    private static final long ALWAYS_ONE_FROM_USD_MICROS = 30_000_000L;

    private final DemoSpec spec;
    private final Map<String, Integer> numbers = new TreeMap<>();
    private final PullRequestText text = new PullRequestText();
    private long sequence;

    PullRequestGenerator(DemoSpec spec) {
        this.spec = spec;
    }

    List<MergedPullRequest> merged(Person person, List<Use> uses, Random random) {
        if (person.client() == Client.SUPPORT_ASSISTANT || person.behaviour() == Behaviour.OVERNIGHT_LOOP) {
            return List.of();
        }
        Map<Instant, List<Use>> byWeek = uses.stream().collect(Collectors.groupingBy(use -> weekStart(use.end()),
                TreeMap::new, Collectors.toList()));
        double rate = PRS_PER_WEEK * Math.pow(person.weight(), OUTPUT_ELASTICITY);
        double carry = random.nextDouble();
        List<MergedPullRequest> merged = new ArrayList<>();
        for (Instant week = weekStart(spec.start()); week.isBefore(spec.end()); week = week.plus(Duration.ofDays(7))) {
            List<Use> used = byWeek.getOrDefault(week, List.of());
            long activeDays = used.stream().map(use -> LocalDate.ofInstant(use.end(), ZoneOffset.UTC)).distinct()
                    .count();
            List<Instant> workdays = workdays(week);
            double due = carry + rate * Math.min(1.0, activeDays / 2.0);
            int count = (int) due;
            carry = due - count;
            if (count == 0 && used.stream().mapToLong(Prices::cost).sum() >= ALWAYS_ONE_FROM_USD_MICROS) {
                count = 1;
            }
            for (int i = 0; i < count && !workdays.isEmpty(); i++) {
                merged.add(pullRequest(person, mergedAt(Draw.pick(random, workdays), random), Draw.pick(random, used),
                        random));
            }
        }
        return merged;
    }

    /** The working days' merge windows of the week that lie inside the period (their 10:00 UTC). */
    private List<Instant> workdays(Instant week) {
        List<Instant> days = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            Instant from = week.plus(Duration.ofDays(day)).plus(Duration.ofHours(10));
            if (!from.isBefore(spec.start()) && from.plus(Duration.ofHours(9)).isBefore(spec.end())) {
                days.add(from);
            }
        }
        return days;
    }

    private static Instant mergedAt(Instant tenOClock, Random random) {
        return tenOClock.plus(Duration.ofSeconds(Draw.between(random, 0, 9 * 3600L))).truncatedTo(ChronoUnit.SECONDS);
    }

    private MergedPullRequest pullRequest(Person person, Instant mergedAt, Use near, Random random) {
        Team team = person.team();
        int number = numbers.merge(team.repository(), 1, Integer::sum) + 1000;
        long id = 3_100_000_000L + Math.floorMod(spec.seed(), 1_000_000L) * 10_000L + sequence++;
        String deliveryId = Roster.uuid(spec.seed(), "delivery", Long.toString(id)).toString();
        int additions = (int) Draw.between(random, 12, 480);
        PullRequestText.Marks marks = text.marks(person, near, random);
        return new MergedPullRequest(id, deliveryId, person, team.repository(), number, mergedAt, additions,
                (int) Draw.between(random, 0, additions / 2 + 1), (int) Draw.between(random, 1, 18),
                (int) Draw.between(random, 1, 8), text.branch(random, number), text.title(random), marks.body(),
                marks.labels(), marks.aiAssisted());
    }

    static Instant weekStart(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return day.minusDays(day.getDayOfWeek().getValue() - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
