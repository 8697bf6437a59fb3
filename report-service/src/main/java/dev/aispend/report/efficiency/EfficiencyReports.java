package dev.aispend.report.efficiency;

import dev.aispend.report.query.Cube;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.web.ReportPrivacy;
import dev.aispend.report.web.TeamReportRequest;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.aispend.report.query.OutcomeKinds.MERGED_PR;

/**
 * Builds the efficiency report from one snapshot: the spend cube and the outcomes cube (merged PRs only), both by
 * period, team and person, folded per period into team rows, the period's total and its usage tiers.
 */
@Singleton
public class EfficiencyReports {
    /** The outcome kind a merged pull request is recorded as (GitHub webhooks, the outcomes API). */

    private final ReportPrivacy privacy;
    private final Cubes cubes;

    public EfficiencyReports(ReportPrivacy privacy, Cubes cubes) {
        this.cubes = cubes;
        this.privacy = privacy;
    }

    public EfficiencyReport build(ReportSnapshot snapshot, TeamReportRequest request) {
        Dimension period = request.period();
        Cube.Filter filter = request.query().filter();
        List<Dimension> groupBy = List.of(period, Dimension.TEAM, Dimension.PERSON);
        Map<LocalDate, PeriodSums> periods = new TreeMap<>();
        for (LocalDate start : periodStarts(period, filter.from(), filter.to())) {
            periods.put(start, new PeriodSums());
        }
        for (Cube.Row row : cubes.query(snapshot, CubeTable.SPEND, filter, groupBy)) {
            periods.get((LocalDate) row.get(period)).addSpend(row);
        }
        for (Cube.Row row : cubes.query(snapshot, CubeTable.OUTCOMES, filter.with(Dimension.OUTCOME_KIND, MERGED_PR),
                groupBy)) {
            periods.get((LocalDate) row.get(period)).addMergedPrs(row);
        }
        List<EfficiencyReport.Period> rows = new ArrayList<>();
        int hidden = 0;
        for (Map.Entry<LocalDate, PeriodSums> entry : periods.entrySet()) {
            LocalDate start = entry.getKey();
            LocalDate from = start.isBefore(filter.from()) ? filter.from() : start;
            LocalDate end = periodEnd(period, start);
            LocalDate to = end.isAfter(filter.to()) ? filter.to() : end;
            Built built = period(entry.getValue());
            hidden += built.hiddenGroups();
            rows.add(new EfficiencyReport.Period(start, from, to, built.total(), built.teams(), built.tiers()));
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filter.equal().forEach((dimension, value) -> filters.put(dimension.parameter(), value));
        return new EfficiencyReport(ReportAsOf.of(snapshot), filter.from(), filter.to(), period.parameter(),
                filters, MERGED_PR, rows, new EfficiencyReport.Suppression(hidden, privacy.minGroupSize(),
                privacy.peopleVisible()));
    }

    private record Built(EfficiencyReport.Group total, List<EfficiencyReport.TeamRow> teams,
                         EfficiencyReport.Tiers tiers, int hiddenGroups) {
    }

    private Built period(PeriodSums sums) {
        long people = sums.people();
        boolean totalHidden = !privacy.peopleVisible() && people > 0 && people < privacy.minGroupSize();
        EfficiencyReport.Group total = new EfficiencyReport.Group(people, totalHidden,
                totalHidden ? null : sums.total());
        List<Map.Entry<String, PeriodSums.TeamSums>> teams = new ArrayList<>(sums.teams().entrySet());
        List<Integer> hiddenTeams = privacy.hidden(teams, team -> team.getValue().people.size());
        List<EfficiencyReport.TeamRow> teamRows = new ArrayList<>(teams.size());
        for (int index = 0; index < teams.size(); index++) {
            PeriodSums.TeamSums team = teams.get(index).getValue();
            boolean hidden = hiddenTeams.contains(index);
            teamRows.add(new EfficiencyReport.TeamRow(teams.get(index).getKey(), team.people.size(), hidden,
                    hidden ? null : EfficiencyReport.Figures.of(team.mergedPrs, team.costUsdMicros, team.tokens)));
        }
        TierTable.Built tiers = TierTable.of(sums.persons(), sums.withoutSpend(), privacy);
        return new Built(total, teamRows, tiers.tiers(),
                (totalHidden ? 1 : 0) + hiddenTeams.size() + tiers.hiddenGroups());
    }

    /** The first day of every period (Monday-started ISO weeks, calendar months) that overlaps from..to. */
    static List<LocalDate> periodStarts(Dimension period, LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        LocalDate start = periodStart(period, from);
        while (true) {
            starts.add(start);
            LocalDate end = periodEnd(period, start);
            if (!end.isBefore(to)) {
                return starts;
            }
            start = end.plusDays(1);
        }
    }

    static LocalDate periodStart(Dimension period, LocalDate day) {
        return switch (period) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            default -> throw new IllegalArgumentException("no period " + period);
        };
    }

    static LocalDate periodEnd(Dimension period, LocalDate start) {
        return switch (period) {
            case WEEK -> start.plusDays(6);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            default -> throw new IllegalArgumentException("no period " + period);
        };
    }
}
