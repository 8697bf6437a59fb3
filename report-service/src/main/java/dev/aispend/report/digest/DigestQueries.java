package dev.aispend.report.digest;

import dev.aispend.report.query.CubeTable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What each read model's digest covers, as of a position: its append-only rows up to it, and its daily sums as
 * of it (the daily table minus the lines after it, groups that sum to nothing left out), each in a fixed order
 * with text compared byte-wise (COLLATE "C"), so two databases with other collations agree. Every query takes the
 * position as its parameters (one per {@code ?}). The attribution_origin table is not covered: it is an index of
 * where each use counts now, derived from the lines and links that are.
 */
final class DigestQueries {
    /** One table's rows for the digest: a label and the query. */
    record Part(String label, String sql) {
    }

    private static final String MONTH_OF_LINE = "date_trunc('month', day)::date";
    private static final List<String> PERSON_ATTRIBUTES = List.of("team", "cost_center", "person_ref");
    private static final List<String> MODEL_ATTRIBUTES = List.of("team", "cost_center", "person_ref", "model",
            "provider");

    private DigestQueries() {
    }

    static final Map<String, List<Part>> BY_READ_MODEL = Map.of(
            "ledger-clock", List.of(new Part("ledger_clock", "SELECT first_position, recorded_max FROM ledger_clock "
                    + "WHERE first_position <= ? ORDER BY first_position")),
            "identity", List.of(new Part("identity_link", "SELECT position, link_id, alias_ref, alias_kind, "
                    + "person_ref, team, cost_center, effective_from FROM identity_link WHERE position <= ? "
                    + "ORDER BY position")),
            "spend", List.of(lines("spend_line", "position, origin_position, line_kind"),
                    dailyAsOf(CubeTable.SPEND, "spend_daily"), monthlyAsOf(CubeTable.SPEND),
                    narrowerAsOf("spend_person_daily", "day", "day", PERSON_ATTRIBUTES),
                    narrowerAsOf("spend_person_monthly", "month", MONTH_OF_LINE, PERSON_ATTRIBUTES),
                    narrowerAsOf("spend_model_daily", "day", "day", MODEL_ATTRIBUTES),
                    narrowerAsOf("spend_model_monthly", "month", MONTH_OF_LINE, MODEL_ATTRIBUTES)),
            "outcomes", List.of(lines("outcome_line", "position, origin_position, line_kind"),
                    dailyAsOf(CubeTable.OUTCOMES, "outcome_daily")),
            "budgets", List.of(lines("budget_line", "position, origin_position, budget_id COLLATE \"C\""),
                    new Part("budget_daily", "SELECT budget_id, period_key, local_day, SUM(records), "
                            + "SUM(cost_usd_micros) FROM (SELECT budget_id, period_key, local_day, records, "
                            + "cost_usd_micros FROM budget_daily UNION ALL SELECT budget_id, period_key, local_day, "
                            + "-records, -cost_usd_micros FROM budget_line WHERE position > ?) sums "
                            + "GROUP BY budget_id, period_key, local_day "
                            + "HAVING SUM(records) <> 0 OR SUM(cost_usd_micros) <> 0 "
                            + "ORDER BY budget_id COLLATE \"C\", period_key COLLATE \"C\", local_day")),
            "policies", List.of(lines("policy_version", "position"), lines("policy_rejection", "position")),
            "decisions", List.of(lines("decision", "position"), lines("usage_conflict", "position")));

    private static Part lines(String table, String order) {
        return new Part(table, "SELECT * FROM " + table + " WHERE position <= ? ORDER BY " + order);
    }

    /** The daily sums as of the position: daily rows plus the negated lines after it, by key, non-zero only. */
    private static Part dailyAsOf(CubeTable table, String label) {
        return sumsAsOf(table, table.daily(), "day", "day", attributesOf(table), label);
    }

    /** The monthly sums as of the position, the same way. */
    private static Part monthlyAsOf(CubeTable table) {
        return sumsAsOf(table, table.monthly(), "month", MONTH_OF_LINE, attributesOf(table), table.monthly());
    }

    /** Spend's narrower sums (per person, per person and model; by day or month) as of the position, the same way. */
    private static Part narrowerAsOf(String sums, String period, String periodOfLine, List<String> attributes) {
        return sumsAsOf(CubeTable.SPEND, sums, period, periodOfLine, attributes, sums);
    }

    private static List<String> attributesOf(CubeTable table) {
        return Arrays.stream(table.keyColumns().split(",")).map(String::strip).filter(key -> !key.equals("day"))
                .toList();
    }

    private static Part sumsAsOf(CubeTable table, String sums, String period, String periodOfLine,
                                 List<String> attributes, String label) {
        String attributeList = String.join(", ", attributes);
        String ordered = period + ", " + attributes.stream().map(key -> key + " COLLATE \"C\" NULLS FIRST")
                .collect(Collectors.joining(", "));
        String summed = table.measures().stream().map(measure -> "SUM(" + measure + ")")
                .collect(Collectors.joining(", "));
        String negated = IntStream.range(0, table.measures().size())
                .mapToObj(index -> "-(" + table.lineMeasures().get(index) + ")").collect(Collectors.joining(", "));
        String nonZero = table.measures().stream().map(measure -> "SUM(" + measure + ") <> 0")
                .collect(Collectors.joining(" OR "));
        return new Part(label, "SELECT " + period + ", " + attributeList + ", " + summed + " FROM (SELECT " + period
                + ", " + attributeList + ", " + String.join(", ", table.measures()) + " FROM " + sums
                + " UNION ALL SELECT " + periodOfLine + ", " + attributeList + ", " + negated + " FROM "
                + table.lines() + " WHERE position > ?) sums GROUP BY " + period + ", " + attributeList
                + " HAVING " + nonZero + " ORDER BY " + ordered);
    }
}
