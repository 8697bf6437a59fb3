package dev.aispend.report.efficiency;

import dev.aispend.report.web.CsvTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The efficiency report as one CSV table: per period a {@code total} row, a {@code team} row per team, a
 * {@code tier} row per tier (its spend in costUsdMicros), a {@code withoutSpend} row (people with merged PRs and no
 * spend, in no tier) and a {@code topDecileVsMedian} row with the ratios. Hidden groups have empty figures.
 */
final class EfficiencyCsv {
    static final List<String> HEADER = List.of("period", "periodFrom", "periodTo", "row", "team", "tier", "people",
            "suppressed", "mergedPrs", "costUsdMicros", "tokens", "costPerMergedPrUsdMicros", "tokensPerMergedPr",
            "mergedPrsPerPerson", "tokensPerMergedPrRatio", "mergedPrsPerPersonRatio", "costPerMergedPrRatio",
            "asOfLedgerPosition");

    private EfficiencyCsv() {
    }

    static CsvTable of(EfficiencyReport report) {
        long position = report.asOf().ledgerPosition();
        List<List<Object>> rows = new ArrayList<>();
        for (EfficiencyReport.Period period : report.periods()) {
            List<Object> key = List.of(period.period(), period.from(), period.to());
            EfficiencyReport.Group total = period.total();
            rows.add(row(key, "total", null, null, total.people(), total.suppressed(), figures(total.figures()),
                    position));
            for (EfficiencyReport.TeamRow team : period.teams()) {
                rows.add(row(key, "team", team.team(), null, team.people(), team.suppressed(),
                        figures(team.figures()), position));
            }
            for (EfficiencyReport.TierRow tier : period.tiers().tiers()) {
                rows.add(row(key, "tier", null, tier.tier(), tier.people(), tier.suppressed(),
                        tierFigures(tier.figures()), position));
            }
            EfficiencyReport.WithoutSpend without = period.tiers().mergedPrsWithoutSpend();
            rows.add(row(key, "withoutSpend", null, null, without.people(), false,
                    Arrays.asList(without.mergedPrs(), null, null, null, null, null, null, null, null), position));
            EfficiencyReport.TopDecileVsMedian ratios = period.tiers().topDecileVsMedian();
            rows.add(row(key, "topDecileVsMedian", null, "D10/Q3", null, false,
                    Arrays.asList(null, null, null, null, null, null, CsvTable.number(ratios.tokensPerMergedPr()),
                            CsvTable.number(ratios.mergedPrsPerPerson()), CsvTable.number(ratios.costPerMergedPr())),
                    position));
        }
        return new CsvTable(HEADER, rows);
    }

    private static List<Object> row(List<Object> key, String kind, String team, String tier, Long people,
                                    boolean suppressed, List<Object> figures, long position) {
        List<Object> cells = new ArrayList<>(key);
        cells.addAll(Arrays.asList(kind, team, tier, people, suppressed));
        cells.addAll(figures);
        cells.add(position);
        return cells;
    }

    /** mergedPrs .. costPerMergedPrRatio: nine cells. */
    private static List<Object> figures(EfficiencyReport.Figures figures) {
        if (figures == null) {
            return Arrays.asList(new Object[9]);
        }
        return Arrays.asList(figures.mergedPrs(), figures.costUsdMicros(), figures.tokens(),
                figures.costPerMergedPrUsdMicros(), figures.tokensPerMergedPr(), null, null, null, null);
    }

    private static List<Object> tierFigures(EfficiencyReport.TierFigures figures) {
        if (figures == null) {
            return Arrays.asList(new Object[9]);
        }
        return Arrays.asList(figures.mergedPrs(), figures.spendUsdMicros(), figures.tokens(),
                figures.costPerMergedPrUsdMicros(), figures.tokensPerMergedPr(),
                CsvTable.number(figures.mergedPrsPerPerson()), null, null, null);
    }
}
