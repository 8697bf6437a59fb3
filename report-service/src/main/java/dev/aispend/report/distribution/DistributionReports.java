package dev.aispend.report.distribution;

import dev.aispend.report.query.Cube;
import dev.aispend.report.query.CubeTable;
import dev.aispend.report.query.Cubes;
import dev.aispend.report.query.Dimension;
import dev.aispend.report.query.Fractions;
import dev.aispend.report.query.ReportAsOf;
import dev.aispend.report.query.SpendMeasures;
import dev.aispend.report.readmodel.ReportSnapshot;
import dev.aispend.report.web.ReportPrivacy;
import dev.aispend.report.web.TeamReportRequest;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the distribution report from one snapshot: monthly spend per person (the team filter applied) for the
 * median, p90 and concentration; weekly spend per team and person and the identity links for adoption.
 */
@Singleton
public class DistributionReports {
    private final ReportPrivacy privacy;
    private final Cubes cubes;

    public DistributionReports(ReportPrivacy privacy, Cubes cubes) {
        this.cubes = cubes;
        this.privacy = privacy;
    }

    public DistributionReport build(ReportSnapshot snapshot, TeamReportRequest request) {
        Cube.Filter filter = request.query().filter();
        int[] hidden = {0};
        List<DistributionReport.Month> months = months(snapshot, filter, hidden);
        List<DistributionReport.Week> weeks = weeks(snapshot, filter, request.team(), hidden);
        Map<String, String> filters = new LinkedHashMap<>();
        filter.equal().forEach((dimension, value) -> filters.put(dimension.parameter(), value));
        return new DistributionReport(ReportAsOf.of(snapshot), filter.from(), filter.to(), filters, months, weeks,
                new DistributionReport.Suppression(hidden[0], privacy.minGroupSize(), privacy.peopleVisible()));
    }

    private List<DistributionReport.Month> months(ReportSnapshot snapshot, Cube.Filter filter, int[] hidden) {
        Map<LocalDate, List<Long>> spends = new TreeMap<>();
        for (LocalDate month = filter.from().withDayOfMonth(1); !month.isAfter(filter.to());
             month = month.plusMonths(1)) {
            spends.put(month, new ArrayList<>());
        }
        for (Cube.Row row : cubes.query(snapshot, CubeTable.SPEND, filter, List.of(Dimension.MONTH,
                Dimension.PERSON))) {
            spends.get((LocalDate) row.get(Dimension.MONTH)).add(SpendMeasures.of(row.measures()).costUsdMicros());
        }
        List<DistributionReport.Month> months = new ArrayList<>();
        spends.forEach((month, values) -> {
            SpendDistribution.Summary summary = SpendDistribution.of(values);
            long people = summary == null ? 0 : summary.people();
            boolean suppressed = small(people);
            hidden[0] += suppressed ? 1 : 0;
            months.add(new DistributionReport.Month(month, later(month, filter.from()),
                    earlier(month.with(TemporalAdjusters.lastDayOfMonth()), filter.to()), people, suppressed,
                    summary == null || suppressed ? null : figures(summary)));
        });
        return months;
    }

    private static DistributionReport.MonthFigures figures(SpendDistribution.Summary summary) {
        return new DistributionReport.MonthFigures(summary.spendUsdMicros(), summary.medianUsdMicros(),
                summary.p90UsdMicros(), concentration(summary.top1Percent()),
                concentration(summary.top10Percent()));
    }

    private static DistributionReport.Concentration concentration(SpendDistribution.Concentration top) {
        return new DistributionReport.Concentration(top.people(), top.share());
    }

    /** Per week: each person's spend over every team, and per team the people whose spend there is above 0. */
    private record WeekSpend(Map<String, Long> byPerson, Map<String, Set<String>> activeByTeam) {
    }

    private List<DistributionReport.Week> weeks(ReportSnapshot snapshot, Cube.Filter filter, @Nullable String team,
                                                int[] hidden) {
        Map<LocalDate, WeekSpend> spends = new TreeMap<>();
        LocalDate first = filter.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate week = first; !week.isAfter(filter.to()); week = week.plusWeeks(1)) {
            spends.put(week, new WeekSpend(new HashMap<>(), new HashMap<>()));
        }
        for (Cube.Row row : cubes.query(snapshot, CubeTable.SPEND, Cube.Filter.between(filter.from(), filter.to()),
                List.of(Dimension.WEEK, Dimension.TEAM, Dimension.PERSON))) {
            WeekSpend week = spends.get((LocalDate) row.get(Dimension.WEEK));
            String person = (String) row.get(Dimension.PERSON);
            long cost = SpendMeasures.of(row.measures()).costUsdMicros();
            week.byPerson().merge(person, cost, Math::addExact);
            if (cost > 0) {
                week.activeByTeam().computeIfAbsent((String) row.get(Dimension.TEAM), name -> new HashSet<>())
                        .add(person);
            }
        }
        // The directory at every week's end from one read of the links.
        Map<Instant, Map<String, String>> directories = Directory.before(snapshot,
                spends.keySet().stream().map(DistributionReports::endOf).toList());
        List<DistributionReport.Week> weeks = new ArrayList<>();
        spends.forEach((monday, spend) -> weeks.add(week(directories.get(endOf(monday)), filter, team, monday,
                spend, hidden)));
        return weeks;
    }

    /** The end of the week starting on {@code monday}: the next Monday's first instant (UTC). */
    private static Instant endOf(LocalDate monday) {
        return monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private DistributionReport.Week week(Map<String, String> directory, Cube.Filter filter, @Nullable String team,
                                         LocalDate monday, WeekSpend spend, int[] hidden) {
        Instant end = endOf(monday);
        Set<String> active = new HashSet<>();
        spend.byPerson().forEach((person, cost) -> {
            if (cost > 0) {
                active.add(person);
            }
        });
        Set<String> inScope = team == null ? active : spend.activeByTeam().getOrDefault(team, Set.of());
        WeeklyAdoption.Week counts = WeeklyAdoption.of(directory, active, inScope, team);
        List<WeeklyAdoption.TeamCounts> teams = counts.teams();
        List<Integer> hiddenTeams = privacy.hidden(teams, teamCounts -> teamCounts.counts().directoryPeople());
        List<DistributionReport.TeamWeek> teamWeeks = new ArrayList<>(teams.size());
        for (int index = 0; index < teams.size(); index++) {
            WeeklyAdoption.Counts teamCounts = teams.get(index).counts();
            boolean suppressed = hiddenTeams.contains(index);
            teamWeeks.add(new DistributionReport.TeamWeek(teams.get(index).team(), teamCounts.directoryPeople(),
                    suppressed, suppressed ? null : adoption(teamCounts)));
        }
        boolean suppressed = small(counts.overall().directoryPeople());
        hidden[0] += hiddenTeams.size() + (suppressed ? 1 : 0);
        String isoWeek = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new DistributionReport.Week(monday, isoWeek, later(monday, filter.from()),
                earlier(monday.plusDays(6), filter.to()), end, counts.overall().directoryPeople(), suppressed,
                suppressed ? null : adoption(counts.overall()), counts.activeOutsideDirectory(), teamWeeks);
    }

    private static DistributionReport.Adoption adoption(WeeklyAdoption.Counts counts) {
        return new DistributionReport.Adoption(counts.activeInDirectory(),
                Fractions.decimal(counts.activeInDirectory(), counts.directoryPeople(),
                SpendDistribution.SHARE_PLACES));
    }

    /** A group a caller who may not see people does not get: 1 to k-1 people. */
    private boolean small(long people) {
        return !privacy.peopleVisible() && people > 0 && people < privacy.minGroupSize();
    }

    private static LocalDate later(LocalDate first, LocalDate second) {
        return first.isAfter(second) ? first : second;
    }

    private static LocalDate earlier(LocalDate first, LocalDate second) {
        return first.isBefore(second) ? first : second;
    }
}
