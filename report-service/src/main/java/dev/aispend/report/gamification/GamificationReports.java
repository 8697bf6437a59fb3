package dev.aispend.report.gamification;

import dev.aispend.report.query.Cube;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.query.SpendMeasures;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.web.ReportDays;
import dev.aispend.report.web.ReportPrivacy;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.aispend.report.query.OutcomeKinds.MERGED_PR;

/**
 * Builds the gamification report from one snapshot: phases from the PHASE_CHANGED decisions up to its position,
 * badges from the BADGE_AWARDED ones dated in the range, the leaderboard from the spend and outcome read models
 * (merged PRs are outcomes of kind {@code pull_request_merged}, counted as recorded, evidence apart).
 */
@Singleton
public class GamificationReports {
    /** The outcome kind a merged pull request is recorded as. */

    private final ReportPrivacy privacy;
    private final Cubes cubes;

    public GamificationReports(ReportPrivacy privacy, Cubes cubes) {
        this.cubes = cubes;
        this.privacy = privacy;
    }

    public GamificationReport build(ReportSnapshot snapshot, GamificationQuery query) {
        ReportDays days = ReportDays.orDefault(query.days(), snapshot);
        Cube.Filter filter = Cube.Filter.between(days.from(), days.to());
        if (query.team() != null) {
            filter = filter.with(Dimension.TEAM, query.team());
        }
        List<GamificationDecisionReads.BadgeDecision> awards =
                GamificationDecisionReads.badges(snapshot, days, query.team());
        Volumes teams = Volumes.of(cubes, snapshot, filter, List.of(Dimension.TEAM));
        Map<String, Long> sizes = teamSizes(teams, awards);
        List<String> sized = sizes.keySet().stream()
                .sorted(Comparator.nullsFirst(Comparator.<String>naturalOrder())).toList();
        Set<String> hidden = new HashSet<>();
        privacy.hidden(sized, sizes::get).forEach(index -> hidden.add(sized.get(index)));
        Volumes board = query.personLevel()
                ? Volumes.of(cubes, snapshot, filter, List.of(Dimension.TEAM, Dimension.PERSON))
                .perPerson(query.team() == null ? GamificationDecisionReads.directoryTeamOfPeople(snapshot) : Map.of())
                : teams;
        return new GamificationReport(ReportAsOf.of(snapshot), days.from(), days.to(), query.team(),
                phases(snapshot, query.team()), BadgeSection.of(awards, sizes, hidden, privacy.peopleVisible()),
                leaderboard(board, query, sizes, hidden),
                new GamificationReport.Suppression(privacy.minGroupSize(), privacy.peopleVisible()));
    }

    private static GamificationReport.Phases phases(ReportSnapshot snapshot, @Nullable String team) {
        Set<String> known = new TreeSet<>(GamificationDecisionReads.directoryTeams(snapshot));
        if (team != null) {
            known.add(team);
        }
        PhaseResolution.Phases resolved = PhaseResolution.resolve(GamificationDecisionReads.phases(snapshot), known);
        List<GamificationReport.Phase> teams = resolved.teams().entrySet().stream()
                .filter(entry -> team == null || team.equals(entry.getKey()))
                .map(entry -> phase(entry.getKey(), entry.getValue())).toList();
        return new GamificationReport.Phases(phase(null, resolved.organization()), teams);
    }

    private static GamificationReport.Phase phase(@Nullable String team, PhaseResolution.Resolved resolved) {
        PhaseResolution.PhaseDecision decision = resolved.decision();
        if (decision == null) {
            return new GamificationReport.Phase(team, resolved.phase(), resolved.source().name(), null, null, null,
                    null, null, null);
        }
        return new GamificationReport.Phase(team, resolved.phase(), resolved.source().name(), decision.how(),
                decision.occurredAt(), decision.position(), decision.decisionId(), decision.policyId(),
                decision.policyVersion());
    }

    /**
     * How many people each team has in the range, for hiding small teams: the most of those with spend, those with
     * merged PRs and those awarded a badge (a team is at least as large as the people it shows).
     */
    private static Map<String, Long> teamSizes(Volumes teams, List<GamificationDecisionReads.BadgeDecision> awards) {
        Map<String, Long> sizes = new HashMap<>();
        teams.groups().forEach(group -> sizes.put(group.team(), group.people()));
        Map<String, Set<String>> awarded = new HashMap<>();
        for (GamificationDecisionReads.BadgeDecision award : awards) {
            awarded.computeIfAbsent(award.team(), unused -> new HashSet<>()).add(award.personRef());
        }
        awarded.forEach((team, people) -> sizes.merge(team, (long) people.size(), Math::max));
        return sizes;
    }

    private static GamificationReport.Board leaderboard(Volumes board, GamificationQuery query,
                                                        Map<String, Long> sizes, Set<String> hidden) {
        List<Leaderboard.Candidate> candidates = board.groups().stream()
                .map(group -> new Leaderboard.Candidate(group.team(), group.personRef(),
                        query.personLevel() ? group.people() : sizes.getOrDefault(group.team(), group.people()),
                        group.mergedPrs(), group.spendUsdMicros(),
                        !query.personLevel() && hidden.contains(group.team())))
                .toList();
        List<GamificationReport.Place> places = Leaderboard.rank(candidates, query.minMergedPrs()).stream()
                .map(GamificationReports::place).toList();
        long mergedPrs = candidates.stream().mapToLong(Leaderboard.Candidate::mergedPrs).sum();
        long spend = candidates.stream().mapToLong(Leaderboard.Candidate::spendUsdMicros).sum();
        int hiddenTeams = (int) candidates.stream().filter(Leaderboard.Candidate::hidden).count();
        return new GamificationReport.Board(query.personLevel() ? "person" : "team", query.minMergedPrs(),
                Leaderboard.MIN_SPEND_USD_MICROS, places, new GamificationReport.BoardTotals(mergedPrs, spend,
                Leaderboard.perUsd(mergedPrs, spend)), hiddenTeams);
    }

    private static GamificationReport.Place place(Leaderboard.Entry entry) {
        Leaderboard.Candidate candidate = entry.candidate();
        String unranked = entry.unranked() == null ? null : entry.unranked().name();
        if (candidate.hidden()) {
            return new GamificationReport.Place(null, candidate.team(), null, candidate.people(), true, null, null,
                    null, null, unranked);
        }
        return new GamificationReport.Place(entry.rank(), candidate.team(), candidate.personRef(), candidate.people(),
                false, candidate.mergedPrs(), candidate.spendUsdMicros(), entry.mergedPrsPerUsd(),
                entry.costPerMergedPrUsdMicros(), unranked);
    }

    /** Spend and merged PRs per group (team, or team and person), summed by the cubes over the range. */
    record Volumes(List<Group> groups) {
        record Group(String team, @Nullable String personRef, long people, long mergedPrs, long spendUsdMicros) {
        }

        static Volumes of(Cubes cubes, ReportSnapshot snapshot, Cube.Filter filter, List<Dimension> groupBy) {
            Map<List<String>, long[]> sums = new HashMap<>();
            for (Cube.Row row : cubes.query(snapshot, CubeTable.SPEND, filter, groupBy)) {
                long[] sum = sums.computeIfAbsent(key(row, groupBy), unused -> new long[3]);
                sum[0] = Math.max(sum[0], row.people());
                sum[2] = Math.addExact(sum[2], SpendMeasures.of(row.measures()).costUsdMicros());
            }
            for (Cube.Row row : cubes.query(snapshot, CubeTable.OUTCOMES, filter.with(Dimension.OUTCOME_KIND,
                    MERGED_PR), groupBy)) {
                long[] sum = sums.computeIfAbsent(key(row, groupBy), unused -> new long[3]);
                sum[0] = Math.max(sum[0], row.people());
                sum[1] = Math.addExact(sum[1], row.measures()[0]);
            }
            List<Group> groups = sums.entrySet().stream()
                    .map(entry -> new Group(entry.getKey().get(0), entry.getKey().get(1), entry.getValue()[0],
                            entry.getValue()[1], entry.getValue()[2]))
                    .sorted(Comparator.comparing(Group::team).thenComparing(group ->
                            Objects.requireNonNullElse(group.personRef(), "")))
                    .toList();
            return new Volumes(groups);
        }

        /**
         * The groups of each person summed into one (a person whose spend or PRs moved team in the range is ranked
         * on all of them), shown in the team {@code directoryTeams} lists them in, else the first team of their
         * groups (the only one when the report is of one team).
         */
        Volumes perPerson(Map<String, String> directoryTeams) {
            Map<String, Group> people = new java.util.TreeMap<>();
            for (Group group : groups) {
                people.merge(group.personRef(), group, (first, second) -> new Group(first.team(), first.personRef(),
                        Math.max(first.people(), second.people()), Math.addExact(first.mergedPrs(), second.mergedPrs()),
                        Math.addExact(first.spendUsdMicros(), second.spendUsdMicros())));
            }
            return new Volumes(people.values().stream().map(group -> new Group(directoryTeams.getOrDefault(
                    group.personRef(), group.team()), group.personRef(), group.people(), group.mergedPrs(),
                    group.spendUsdMicros())).toList());
        }

        private static List<String> key(Cube.Row row, List<Dimension> groupBy) {
            List<String> key = new ArrayList<>(2);
            key.add((String) row.get(Dimension.TEAM));
            key.add(groupBy.contains(Dimension.PERSON) ? (String) row.get(Dimension.PERSON) : null);
            return key;
        }
    }
}
