package dev.aispend.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A reference for the EXPLAIN section: a spend split summed over the widest sums (spend_daily, spend_monthly), per
 * person then per group, with its parameters written in. This is the SQL report-service ran before the narrower sums
 * (per person; per person and model): it now reads the narrowest sums that have every dimension asked for and picks
 * one of several exact shapes for the people count (report-service query/CubeStatement.java, docs/reports.md), so
 * the plans printed here show what the widest sums cost on the same data, not the service's own statements; the
 * service's own latency is what the measured requests show.
 */
final class SpendCubeSql {
    private static final List<String> MEASURES = List.of("records", "input_tokens", "output_tokens",
            "cache_read_tokens", "cache_write5m_tokens", "cache_write1h_tokens", "reasoning_tokens", "cost_usd_micros",
            "unpriced_records", "reported_records", "reported_cost_usd_micros", "reported_our_cost_usd_micros",
            "evidence_records", "evidence_cost_usd_micros", "evidence_reported_cost_usd_micros");
    private static final String KEY_COLUMNS = "day, team, cost_center, person_ref, model, provider, purpose, source";
    private static final String ATTRIBUTES = KEY_COLUMNS.substring("day, ".length());
    private static final String ACTIVE_WHEN = "records <> 0 OR cost_usd_micros <> 0";

    /** A dimension as Cube names it: its ordinal in report-service's Dimension enum and its SQL expression. */
    enum Dimension {
        DAY(0, "day"), WEEK(1, "date_trunc('week', day)::date"), MONTH(2, "date_trunc('month', day)::date"),
        TEAM(3, "team"), COST_CENTER(4, "cost_center"), PERSON(5, "person_ref"), MODEL(6, "model");

        final int ordinal;
        final String expression;

        Dimension(int ordinal, String expression) {
            this.ordinal = ordinal;
            this.expression = expression;
        }
    }

    private SpendCubeSql() {
    }

    /**
     * The statement for the days from..to, grouped by {@code groupBy}, as of the latest or an earlier position. As
     * Cube.sources (the per-person tables when no model is asked for): spend_monthly for the whole months of the
     * range when no day or week is asked for, spend_daily
     * for the rest (the partial months at either end, or all of it), and as of an earlier position the lines after
     * it, negated, over the whole range.
     */
    static String sql(LocalDate from, LocalDate to, List<Dimension> groupBy, Long asOfPosition) {
        String keys = groupBy.stream().map(dimension -> dimension.expression + " AS k_" + dimension.ordinal)
                .collect(Collectors.joining(", ", "", groupBy.isEmpty() ? "" : ", "));
        String keyNames = groupBy.stream().map(dimension -> "k_" + dimension.ordinal).collect(Collectors.joining(", "));
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = to.equals(YearMonth.from(to).atEndOfMonth()) ? to : to.withDayOfMonth(1).minusDays(1);
        boolean monthly = !firstWhole.isAfter(lastWhole) && !groupBy.contains(Dimension.DAY)
                && !groupBy.contains(Dimension.WEEK);
        // As CubeTable.personSumsFor: without a model (or provider, purpose, source) the per-person sums answer.
        boolean perPerson = !groupBy.contains(Dimension.MODEL);
        String daily = perPerson ? "spend_person_daily" : "spend_daily";
        String monthlyTable = perPerson ? "spend_person_monthly" : "spend_monthly";
        String attributes = perPerson ? PERSON_ATTRIBUTES : ATTRIBUTES;
        List<String> sources = new ArrayList<>();
        if (!monthly) {
            sources.add(sums(daily, "day", attributes, from, to));
        } else {
            if (from.isBefore(firstWhole)) {
                sources.add(sums(daily, "day", attributes, from, firstWhole.minusDays(1)));
            }
            sources.add(sums(monthlyTable, "month", attributes, firstWhole, lastWhole.withDayOfMonth(1)));
            if (to.isAfter(lastWhole)) {
                sources.add(sums(daily, "day", attributes, lastWhole.plusDays(1), to));
            }
        }
        if (asOfPosition != null) {
            sources.add("SELECT " + KEY_COLUMNS + ", " + IntStream.range(0, MEASURES.size())
                    .mapToObj(index -> "-(" + lineMeasure(MEASURES.get(index)) + ") AS " + MEASURES.get(index))
                    .collect(Collectors.joining(", ")) + " FROM spend_line" + between("day", from, to)
                    + " AND position > " + asOfPosition);
        }
        String source = String.join(" UNION ALL ", sources);
        String inner = MEASURES.stream().map(measure -> "SUM(" + measure + ") AS " + measure)
                .collect(Collectors.joining(", "));
        String outer = MEASURES.stream().map(measure -> "SUM(" + measure + ")").collect(Collectors.joining(", "));
        return "WITH per_person AS (SELECT " + keys + "person_ref, " + inner + " FROM (" + source
                + ") source GROUP BY " + (keyNames.isEmpty() ? "" : keyNames + ", ") + "person_ref) SELECT "
                + (keyNames.isEmpty() ? "" : keyNames + ", ") + outer + ", COUNT(*) FILTER (WHERE " + ACTIVE_WHEN
                + ") FROM per_person" + (keyNames.isEmpty() ? "" : " GROUP BY " + keyNames + " ORDER BY " + keyNames);
    }

    /** One of the sum tables over its periods from..to, its period column named day as Cube does. */
    private static String sums(String table, String periodColumn, String attributes, LocalDate from, LocalDate to) {
        return "SELECT " + periodColumn + " AS day, " + attributes + ", " + String.join(", ", MEASURES) + " FROM "
                + table + between(periodColumn, from, to);
    }

    /** The per-person tables' attributes, NULL for those they do not have (CubeTable.SPEND's PersonSums). */
    private static final String PERSON_ATTRIBUTES =
            "team, cost_center, person_ref, NULL::text, NULL::text, NULL::text, NULL::text";

    private static String between(String column, LocalDate from, LocalDate to) {
        return " WHERE " + column + " BETWEEN '" + from + "'::date AND '" + to + "'::date";
    }

    private static String lineMeasure(String column) {
        if (column.startsWith("evidence_")) {
            return "CASE WHEN line_kind = 'EVIDENCE' THEN " + column.substring("evidence_".length()) + " ELSE 0 END";
        }
        return "CASE WHEN line_kind <> 'EVIDENCE' THEN " + column + " ELSE 0 END";
    }
}
