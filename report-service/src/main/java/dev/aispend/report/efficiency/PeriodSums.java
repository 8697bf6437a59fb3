package dev.aispend.report.efficiency;

import dev.aispend.report.query.Cube;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.query.SpendMeasures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The spend and merged PRs of one period, summed per team and per person from the cube's rows grouped by period,
 * team and person. A person counts in a team (and in the period) when the cube says they were active in that
 * group: spend records or cost, or merged PRs.
 */
final class PeriodSums {
    /** A team's sums and the people active in it. */
    static final class TeamSums {
        long mergedPrs;
        long costUsdMicros;
        long tokens;
        final Set<String> people = new HashSet<>();
    }

    private final Map<String, TeamSums> teams = new TreeMap<>();
    /** Per person: cost, tokens, merged PRs, across the teams they counted for. */
    private final Map<String, long[]> persons = new TreeMap<>();
    private final Set<String> people = new HashSet<>();

    void addSpend(Cube.Row row) {
        SpendMeasures spend = SpendMeasures.of(row.measures());
        String person = (String) row.get(Dimension.PERSON);
        TeamSums team = teams.computeIfAbsent((String) row.get(Dimension.TEAM), name -> new TeamSums());
        team.costUsdMicros = Math.addExact(team.costUsdMicros, spend.costUsdMicros());
        team.tokens = Math.addExact(team.tokens, spend.totalTokens());
        long[] sums = persons.computeIfAbsent(person, ref -> new long[3]);
        sums[0] = Math.addExact(sums[0], spend.costUsdMicros());
        sums[1] = Math.addExact(sums[1], spend.totalTokens());
        active(row, team, person);
    }

    /** A row of the outcomes cube, filtered to merged PRs: its first measure counts them. */
    void addMergedPrs(Cube.Row row) {
        long mergedPrs = row.measures()[0];
        String person = (String) row.get(Dimension.PERSON);
        TeamSums team = teams.computeIfAbsent((String) row.get(Dimension.TEAM), name -> new TeamSums());
        team.mergedPrs = Math.addExact(team.mergedPrs, mergedPrs);
        long[] sums = persons.computeIfAbsent(person, ref -> new long[3]);
        sums[2] = Math.addExact(sums[2], mergedPrs);
        active(row, team, person);
    }

    private void active(Cube.Row row, TeamSums team, String person) {
        if (row.people() > 0) {
            team.people.add(person);
            people.add(person);
        }
    }

    Map<String, TeamSums> teams() {
        return teams;
    }

    long people() {
        return people.size();
    }

    EfficiencyReport.Figures total() {
        long mergedPrs = 0;
        long cost = 0;
        long tokens = 0;
        for (TeamSums team : teams.values()) {
            mergedPrs = Math.addExact(mergedPrs, team.mergedPrs);
            cost = Math.addExact(cost, team.costUsdMicros);
            tokens = Math.addExact(tokens, team.tokens);
        }
        return EfficiencyReport.Figures.of(mergedPrs, cost, tokens);
    }

    /** Every person of the period with their figures (the tiers take those with spend above zero). */
    List<UsageTiers.PersonFigures> persons() {
        List<UsageTiers.PersonFigures> figures = new ArrayList<>(persons.size());
        persons.forEach((person, sums) -> figures.add(new UsageTiers.PersonFigures(person, sums[0], sums[1],
                sums[2])));
        return figures;
    }

    /** The people with merged PRs but no spend above zero, who are in no tier, and their merged PRs. */
    EfficiencyReport.WithoutSpend withoutSpend() {
        long count = 0;
        long mergedPrs = 0;
        for (long[] sums : persons.values()) {
            if (sums[0] <= 0 && sums[2] != 0) {
                count++;
                mergedPrs = Math.addExact(mergedPrs, sums[2]);
            }
        }
        return new EfficiencyReport.WithoutSpend(count, mergedPrs);
    }
}
