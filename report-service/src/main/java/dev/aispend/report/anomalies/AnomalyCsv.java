package dev.aispend.report.anomalies;

import dev.aispend.report.web.CsvTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The anomalies report as CSV, one view at a time: {@code flags} (a row per flag listed), {@code teams} (a row per
 * team; a hidden team with no figures) or {@code totals} (open, cleared, flagged). Same figures as the JSON.
 */
final class AnomalyCsv {
    private AnomalyCsv() {
    }

    static CsvTable of(AnomalyReport report, String view) {
        return switch (view) {
            case "flags" -> flags(report);
            case "totals" -> totals(report);
            default -> teams(report);
        };
    }

    private static CsvTable flags(AnomalyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (AnomalyReport.FlagRow flag : report.flags() == null ? List.<AnomalyReport.FlagRow>of() : report.flags()) {
            AnomalyReport.Clearing clearing = flag.clearing();
            rows.add(Arrays.asList(flag.decisionId(), flag.ruleId(), flag.ruleVersion(), flag.rule(), flag.name(),
                    flag.team(), flag.personRef(), flag.windowKey(), flag.flaggedSpendUsdMicros(), flag.flaggedAt(),
                    flag.ledgerPosition(), flag.status(), clearing == null ? null : clearing.clearedBy(),
                    clearing == null ? null : clearing.reason(), clearing == null ? null : clearing.clearedAt(),
                    clearing == null ? null : clearing.ledgerPosition(), report.asOf().ledgerPosition()));
        }
        return new CsvTable(List.of("decisionId", "ruleId", "ruleVersion", "rule", "name", "team", "personRef",
                "windowKey", "flaggedSpendUsdMicros", "flaggedAt", "ledgerPosition", "status", "clearedBy",
                "clearedReason", "clearedAt", "clearedLedgerPosition", "asOfLedgerPosition"), rows);
    }

    private static CsvTable teams(AnomalyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (AnomalyReport.TeamRow team : report.byTeam()) {
            List<Object> row = new ArrayList<>(Arrays.asList(team.team(), team.people(), team.suppressed(),
                    team.spendUsdMicros()));
            for (AnomalyReport.Part part : Arrays.asList(team.open(), team.cleared(), team.flagged())) {
                row.addAll(part(part));
            }
            row.addAll(Arrays.asList(report.from(), report.to(), report.asOf().ledgerPosition()));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("team", "people", "suppressed", "spendUsdMicros"));
        for (String status : List.of("open", "cleared", "flagged")) {
            header.addAll(List.of(status + "Flags", status + "Windows", status + "SpendUsdMicros",
                    status + "ShareOfSpend"));
        }
        header.addAll(List.of("from", "to", "asOfLedgerPosition"));
        return new CsvTable(header, rows);
    }

    private static CsvTable totals(AnomalyReport report) {
        AnomalyReport.Totals totals = report.totals();
        List<List<Object>> rows = new ArrayList<>();
        List<String> statuses = List.of("open", "cleared", "flagged");
        List<AnomalyReport.Part> parts = List.of(totals.open(), totals.cleared(), totals.flagged());
        for (int index = 0; index < parts.size(); index++) {
            List<Object> row = new ArrayList<>();
            row.add(statuses.get(index));
            row.addAll(part(parts.get(index)));
            row.addAll(Arrays.asList(totals.spendUsdMicros(), report.from(), report.to(),
                    report.asOf().ledgerPosition()));
            rows.add(row);
        }
        return new CsvTable(List.of("status", "flags", "windows", "flaggedSpendUsdMicros", "shareOfSpend",
                "spendUsdMicros", "from", "to", "asOfLedgerPosition"), rows);
    }

    private static List<Object> part(AnomalyReport.Part part) {
        if (part == null) {
            return Arrays.asList(null, null, null, null);
        }
        return Arrays.asList(part.flags(), part.windows(), part.spendUsdMicros(), part.shareOfSpend());
    }
}
