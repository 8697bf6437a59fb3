package dev.aispend.report.distribution;

import dev.aispend.report.web.CsvTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution report as one CSV table: a {@code month} row per month (people = active people), a
 * {@code week} row per ISO week and a {@code teamWeek} row per team and week (people = people in the directory).
 * Hidden groups have empty figures.
 */
final class DistributionCsv {
    static final List<String> HEADER = List.of("row", "period", "isoWeek", "periodFrom", "periodTo", "team",
            "people", "suppressed", "spendUsdMicros", "medianUsdMicros", "p90UsdMicros", "top1PercentPeople",
            "top1PercentShare", "top10PercentPeople", "top10PercentShare", "activeInDirectory", "adoption",
            "activeOutsideDirectory", "directoryAt", "asOfLedgerPosition");

    private DistributionCsv() {
    }

    static CsvTable of(DistributionReport report) {
        long position = report.asOf().ledgerPosition();
        List<List<Object>> rows = new ArrayList<>();
        for (DistributionReport.Month month : report.months()) {
            List<Object> cells = new ArrayList<>(Arrays.asList("month", month.month(), null, month.from(),
                    month.to(), null, month.activePeople(), month.suppressed()));
            DistributionReport.MonthFigures figures = month.figures();
            cells.addAll(figures == null ? Arrays.asList(new Object[7]) : Arrays.asList(figures.spendUsdMicros(),
                    figures.medianUsdMicros(), figures.p90UsdMicros(), figures.top1Percent().people(),
                    CsvTable.number(figures.top1Percent().share()), figures.top10Percent().people(),
                    CsvTable.number(figures.top10Percent().share())));
            cells.addAll(Arrays.asList(null, null, null, null, position));
            rows.add(cells);
        }
        for (DistributionReport.Week week : report.weeks()) {
            rows.add(weekRow("week", week, null, week.directoryPeople(), week.suppressed(), week.adoption(),
                    week.activeOutsideDirectory(), position));
            for (DistributionReport.TeamWeek team : week.teams()) {
                rows.add(weekRow("teamWeek", week, team.team(), team.directoryPeople(), team.suppressed(),
                        team.adoption(), null, position));
            }
        }
        return new CsvTable(HEADER, rows);
    }

    private static List<Object> weekRow(String kind, DistributionReport.Week week, String team, long people,
                                        boolean suppressed, DistributionReport.Adoption adoption, Long outside,
                                        long position) {
        List<Object> cells = new ArrayList<>(Arrays.asList(kind, week.week(), week.isoWeek(), week.from(),
                week.to(), team, people, suppressed));
        cells.addAll(Arrays.asList(new Object[7]));
        cells.addAll(Arrays.asList(adoption == null ? null : adoption.activePeople(),
                adoption == null ? null : CsvTable.number(adoption.share()), outside, week.directoryAt(), position));
        return cells;
    }
}
