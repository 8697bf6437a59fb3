package dev.aispend.report.projection;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Adds a delivery's lines (positions {@code first..last}) to the daily sums, one upsert per table. Sums are
 * commutative, so the *_daily tables hold exactly the sum of every line up to the checkpoint whichever way the
 * entries were batched, and equal a rebuild's.
 */
final class DailySums {
    /** The spend measures, as spend_line and spend_daily name them. */
    static final List<String> SPEND_MEASURES = List.of("records", "input_tokens", "output_tokens",
            "cache_read_tokens", "cache_write5m_tokens", "cache_write1h_tokens", "reasoning_tokens",
            "cost_usd_micros", "unpriced_records", "reported_records", "reported_cost_usd_micros",
            "reported_our_cost_usd_micros");
    /** What evidence lines add to spend_daily, from their columns of the same name without the prefix. */
    static final List<String> EVIDENCE_MEASURES = List.of("records", "cost_usd_micros", "reported_cost_usd_micros");
    static final String SPEND_KEY = "day, team, cost_center, person_ref, model, provider, purpose, source";
    static final String OUTCOME_KEY = "day, team, cost_center, person_ref, kind, source, ai_assistance";

    private static final String ATTRIBUTES = SPEND_KEY.substring("day, ".length());
    private static final String PERSON_ATTRIBUTES = "team, cost_center, person_ref";
    private static final String MODEL_ATTRIBUTES = "team, cost_center, person_ref, model, provider";
    private static final String MONTH_OF_LINE = "date_trunc('month', day)::date";
    private static final List<String> SPEND_SUMS = List.of(
            spendSums("spend_daily", "day", "day", ATTRIBUTES),
            // The same per calendar month, and both per person alone and per person and model (docs/reports.md,
            // Read models).
            spendSums("spend_monthly", "month", MONTH_OF_LINE, ATTRIBUTES),
            spendSums("spend_person_daily", "day", "day", PERSON_ATTRIBUTES),
            spendSums("spend_person_monthly", "month", MONTH_OF_LINE, PERSON_ATTRIBUTES),
            spendSums("spend_model_daily", "day", "day", MODEL_ATTRIBUTES),
            spendSums("spend_model_monthly", "month", MONTH_OF_LINE, MODEL_ATTRIBUTES));

    private static final String OUTCOMES = "INSERT INTO outcome_daily AS d (" + OUTCOME_KEY
            + ", outcomes, additions, deletions, evidence_outcomes) SELECT " + OUTCOME_KEY + ", "
            + filtered("outcomes", "<>") + ", " + filtered("additions", "<>") + ", " + filtered("deletions", "<>")
            + ", " + filtered("outcomes", "=")
            + " FROM outcome_line WHERE position BETWEEN ? AND ? GROUP BY " + OUTCOME_KEY
            + " ON CONFLICT ON CONSTRAINT outcome_daily_key DO UPDATE SET "
            + addAll(List.of("outcomes", "additions", "deletions", "evidence_outcomes"));

    private static final String BUDGETS = """
            INSERT INTO budget_daily AS d (budget_id, period_key, local_day, records, cost_usd_micros)
            SELECT budget_id, period_key, local_day, SUM(records), SUM(cost_usd_micros)
            FROM budget_line WHERE position BETWEEN ? AND ?
            GROUP BY budget_id, period_key, local_day
            ON CONFLICT (budget_id, period_key, local_day) DO UPDATE SET
                records = d.records + EXCLUDED.records,
                cost_usd_micros = d.cost_usd_micros + EXCLUDED.cost_usd_micros""";

    private DailySums() {
    }

    static void add(Connection connection, long firstPosition, long lastPosition) {
        for (String sums : SPEND_SUMS) {
            Sql.update(connection, sums, firstPosition, lastPosition);
        }
        Sql.update(connection, OUTCOMES, firstPosition, lastPosition);
        Sql.update(connection, BUDGETS, firstPosition, lastPosition);
    }

    /** The upsert of a delivery's spend lines into {@code table}, keyed by the period and {@code attributes}. */
    private static String spendSums(String table, String periodColumn, String periodOfLine, String attributes) {
        return "INSERT INTO " + table + " AS d (" + periodColumn + ", " + attributes + ", "
                + String.join(", ", SPEND_MEASURES) + ", "
                + EVIDENCE_MEASURES.stream().map(measure -> "evidence_" + measure).collect(Collectors.joining(", "))
                + ") SELECT " + periodOfLine + ", " + attributes + ", "
                + SPEND_MEASURES.stream().map(measure -> filtered(measure, "<>")).collect(Collectors.joining(", "))
                + ", " + EVIDENCE_MEASURES.stream().map(measure -> filtered(measure, "="))
                .collect(Collectors.joining(", "))
                + " FROM spend_line WHERE position BETWEEN ? AND ? GROUP BY " + periodOfLine + ", " + attributes
                + " ON CONFLICT ON CONSTRAINT " + table + "_key DO UPDATE SET "
                + addAll(SPEND_MEASURES) + ", "
                + addAll(EVIDENCE_MEASURES.stream().map(measure -> "evidence_" + measure).toList());
    }

    /** The sum of a measure over the evidence lines ({@code =}) or the others ({@code <>}); 0 over none. */
    private static String filtered(String measure, String evidence) {
        return "COALESCE(SUM(" + measure + ") FILTER (WHERE line_kind " + evidence + " 'EVIDENCE'), 0)";
    }

    private static String addAll(List<String> columns) {
        return columns.stream().map(column -> column + " = d." + column + " + EXCLUDED." + column)
                .collect(Collectors.joining(", "));
    }
}
