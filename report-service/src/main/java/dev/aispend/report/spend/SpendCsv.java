package dev.aispend.report.spend;

import dev.aispend.report.web.CsvTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The spend report as CSV: one line per group, every figure a column; a hidden group's figures are empty. */
final class SpendCsv {
    private static final List<String> HEADER = List.of("period", "team", "costCenter", "personRef", "model",
            "provider", "purpose", "source", "people", "suppressed", "records", "inputTokens", "outputTokens",
            "cacheReadTokens", "cacheWrite5mTokens", "cacheWrite1hTokens", "reasoningTokens", "totalTokens",
            "costUsdMicros", "unpricedRecords", "reportedRecords", "reportedCostUsdMicros",
            "ourCostOfReportedUsdMicros", "reportedDifferenceUsdMicros", "evidenceRecords",
            "evidenceOurCostUsdMicros", "evidenceReportedCostUsdMicros", "asOfLedgerPosition");

    private SpendCsv() {
    }

    static CsvTable of(SpendReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (SpendReport.Row row : report.rows()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(row.period(), row.team(), row.costCenter(),
                    row.personRef(), row.model(), row.provider(), row.purpose(), row.source(), row.people(),
                    row.suppressed()));
            cells.addAll(figures(row.figures()));
            cells.add(report.asOf().ledgerPosition());
            rows.add(cells);
        }
        return new CsvTable(HEADER, rows);
    }

    private static List<Object> figures(SpendReport.Figures figures) {
        if (figures == null) {
            return Arrays.asList(new Object[17]);
        }
        SpendReport.Tokens tokens = figures.tokens();
        return Arrays.asList(figures.records(), tokens.input(), tokens.output(), tokens.cacheRead(),
                tokens.cacheWrite5m(), tokens.cacheWrite1h(), tokens.reasoning(), tokens.total(),
                figures.costUsdMicros(), figures.unpricedRecords(), figures.reconciliation().reportedRecords(),
                figures.reconciliation().reportedCostUsdMicros(), figures.reconciliation().ourCostUsdMicros(),
                figures.reconciliation().differenceUsdMicros(), figures.evidence().records(),
                figures.evidence().ourCostUsdMicros(), figures.evidence().reportedCostUsdMicros());
    }
}
