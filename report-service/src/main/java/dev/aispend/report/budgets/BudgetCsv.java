package dev.aispend.report.budgets;

import dev.aispend.report.web.CsvTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The budget report as CSV, the same figures as the JSON: {@code view=summary} (default) one row per budget,
 * {@code view=burndown} one row per budget and local day. Lists are joined with '|'; a budget without a period
 * (no ledger clock yet) has empty period cells.
 */
final class BudgetCsv {
    private static final List<String> SUMMARY = List.of("budgetId", "name", "version", "status", "scope",
            "periodUnit", "timeZone", "amountUsdMicros", "hardCap", "softThresholdsPercent", "forecastAlert",
            "periodKey", "periodStart", "periodEnd", "spentUsdMicros", "remainingUsdMicros", "percentUsed",
            "forecastOutcome", "projectedExhaustionAt", "forecastDecisions", "thresholdsCrossedPercent",
            "exhaustionRecorded", "checksDenied", "ledgerClock", "asOfLedgerPosition");
    private static final List<String> BURN_DOWN = List.of("budgetId", "periodKey", "day", "spentUsdMicros",
            "cumulativeUsdMicros", "remainingUsdMicros", "asOfLedgerPosition");

    private BudgetCsv() {
    }

    static CsvTable summary(BudgetReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (BudgetReport.Budget budget : report.budgets()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(budget.budgetId(), budget.name(), budget.version(),
                    budget.status(), budget.scope().label(), budget.period().unit(), budget.period().timeZone(),
                    budget.amountUsdMicros(), budget.hardCap(), joined(budget.softThresholdsPercent()),
                    budget.forecastAlert()));
            cells.addAll(period(budget.current()));
            cells.add(report.ledgerClock());
            cells.add(report.asOf().ledgerPosition());
            rows.add(cells);
        }
        return new CsvTable(SUMMARY, rows);
    }

    static CsvTable burnDown(BudgetReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (BudgetReport.Budget budget : report.budgets()) {
            if (budget.current() == null) {
                continue;
            }
            for (BudgetReport.Day day : budget.current().burnDown()) {
                rows.add(List.of(budget.budgetId(), budget.current().periodKey(), day.day(), day.spentUsdMicros(),
                        day.cumulativeUsdMicros(), day.remainingUsdMicros(), report.asOf().ledgerPosition()));
            }
        }
        return new CsvTable(BURN_DOWN, rows);
    }

    private static List<Object> period(BudgetReport.Period period) {
        if (period == null) {
            return Arrays.asList(new Object[12]);
        }
        List<Integer> crossed = period.thresholdsCrossed().stream()
                .filter(limit -> BudgetDecisionReads.THRESHOLD_CROSSED.equals(limit.kind()))
                .map(BudgetReport.LimitDecision::percent).toList();
        boolean exhausted = period.thresholdsCrossed().stream()
                .anyMatch(limit -> BudgetDecisionReads.EXHAUSTED.equals(limit.kind()));
        return Arrays.asList(period.periodKey(), period.periodStart(), period.periodEnd(), period.spentUsdMicros(),
                period.remainingUsdMicros(), period.percentUsed(), period.forecast().outcome(),
                period.forecast().projectedExhaustionAt(), period.forecastDecisions().size(), joined(crossed),
                exhausted, period.checksDenied().count());
    }

    private static String joined(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining("|"));
    }
}
