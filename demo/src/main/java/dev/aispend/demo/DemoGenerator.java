package dev.aispend.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates the demo month from a {@link DemoSpec}: pure (no I/O, no clock), so the same spec gives the same month,
 * byte for byte once written (docs/demo.md). Each person draws from a {@link Random} of their own, seeded from the
 * spec's seed and their index, so one person's draws never shift another's.
 */
public final class DemoGenerator {
    private DemoGenerator() {
    }

    public static DemoMonth generate(DemoSpec spec) {
        List<Team> teams = Roster.teams();
        List<Person> people = Roster.people(spec, teams, new Random(spec.seed()));
        UsageGenerator usage = new UsageGenerator(spec);
        PullRequestGenerator pullRequests = new PullRequestGenerator(spec);
        List<Use> uses = new ArrayList<>();
        List<MergedPullRequest> merged = new ArrayList<>();
        for (int index = 0; index < people.size(); index++) {
            Random random = new Random(spec.seed() * 1_000_003L + index);
            List<Use> own = usage.uses(people.get(index), index, random);
            uses.addAll(own);
            merged.addAll(pullRequests.merged(people.get(index), own, random));
        }
        uses.sort(Comparator.comparing(Use::end).thenComparing(Use::id));
        merged.sort(Comparator.comparing(MergedPullRequest::mergedAt).thenComparingLong(MergedPullRequest::id));
        return new DemoMonth(spec, teams, people, List.copyOf(uses), List.copyOf(merged),
                BudgetPlanner.budgets(spec, teams, uses), phase(spec),
                spec.start().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(90)));
    }

    /** The outcome team switches on the Monday of the period's middle week (a chunk boundary of the plan). */
    private static PhasePlan phase(DemoSpec spec) {
        Instant middle = spec.start().plus(Duration.ofDays(spec.days() / 2));
        LocalDate monday = LocalDate.ofInstant(middle, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new PhasePlan("phase-demo-" + Roster.OUTCOME_TEAM, Roster.OUTCOME_TEAM, "OUTCOME",
                monday.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
