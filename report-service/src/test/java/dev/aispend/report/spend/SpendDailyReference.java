package dev.aispend.report.spend;

import dev.aispend.report.query.Cube;
import dev.aispend.report.query.Dimension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The spend cube as report-service summed it before the narrower sums (main before the model sums), written out
 * here on its own: only {@code spend_daily} over the whole range, minus the lines after the position, summed per
 * person and group, then per group, the people counted from their per-person sums. Each group as one text line
 * (key, the 15 sums, people), groups whose sums are all zero left out, as Cube leaves them out.
 */
final class SpendDailyReference {
    private static final List<String> MEASURES = List.of("records", "input_tokens", "output_tokens",
            "cache_read_tokens", "cache_write5m_tokens", "cache_write1h_tokens", "reasoning_tokens",
            "cost_usd_micros", "unpriced_records", "reported_records", "reported_cost_usd_micros",
            "reported_our_cost_usd_micros", "evidence_records", "evidence_cost_usd_micros",
            "evidence_reported_cost_usd_micros");
    private static final String KEY = "day, team, cost_center, person_ref, model, provider, purpose, source";
    private static final Map<Dimension, String> EXPRESSIONS = new EnumMap<>(Map.of(Dimension.DAY, "day",
            Dimension.WEEK, "date_trunc('week', day)::date", Dimension.MONTH, "date_trunc('month', day)::date",
            Dimension.TEAM, "team", Dimension.COST_CENTER, "cost_center", Dimension.PERSON, "person_ref",
            Dimension.MODEL, "model", Dimension.PROVIDER, "provider", Dimension.PURPOSE, "purpose",
            Dimension.SOURCE, "source"));

    private SpendDailyReference() {
    }

    /** The groups as of {@code position}, read on {@code connection} (the generation's schema in its path). */
    static List<String> groups(Connection connection, long position, Cube.Filter filter, List<Dimension> groupBy) {
        List<Dimension> filters = List.copyOf(filter.equal().keySet());
        String where = " WHERE day BETWEEN ? AND ?" + filters.stream()
                .map(dimension -> " AND " + EXPRESSIONS.get(dimension) + " = ?").collect(Collectors.joining());
        String lineMeasures = MEASURES.stream().map(measure -> measure.startsWith("evidence_")
                ? "-(CASE WHEN line_kind = 'EVIDENCE' THEN " + measure.substring("evidence_".length())
                        + " ELSE 0 END)"
                : "-(CASE WHEN line_kind <> 'EVIDENCE' THEN " + measure + " ELSE 0 END)")
                .collect(Collectors.joining(", "));
        String keys = groupBy.stream().map(dimension -> EXPRESSIONS.get(dimension) + " AS k" + dimension.ordinal())
                .map(key -> key + ", ").collect(Collectors.joining());
        String keyNames = groupBy.stream().map(dimension -> "k" + dimension.ordinal() + ", ")
                .collect(Collectors.joining());
        String sql = "WITH per_person AS (SELECT " + keys + "person_ref, "
                + MEASURES.stream().map(measure -> "SUM(" + measure + ") AS " + measure)
                .collect(Collectors.joining(", ")) + " FROM (SELECT " + KEY + ", " + String.join(", ", MEASURES)
                + " FROM spend_daily" + where + " UNION ALL SELECT " + KEY + ", " + lineMeasures
                + " FROM spend_line" + where + " AND position > ?) source GROUP BY " + keyNames + "person_ref) "
                + "SELECT " + keyNames + MEASURES.stream().map(measure -> "SUM(" + measure + ")")
                .collect(Collectors.joining(", ")) + ", COUNT(*) FILTER (WHERE records <> 0 OR cost_usd_micros "
                + "<> 0) FROM per_person" + (groupBy.isEmpty() ? "" : " GROUP BY "
                + keyNames.substring(0, keyNames.length() - 2));
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (int part = 0; part < 2; part++) {
                select.setObject(index++, filter.from());
                select.setObject(index++, filter.to());
                for (Dimension dimension : filters) {
                    select.setString(index++, filter.equal().get(dimension));
                }
            }
            select.setLong(index, position);
            List<String> groups = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<String> key = new ArrayList<>();
                    for (int column = 1; column <= groupBy.size(); column++) {
                        key.add(String.valueOf(rows.getObject(column)));
                    }
                    long[] sums = new long[MEASURES.size()];
                    for (int measure = 0; measure < sums.length; measure++) {
                        sums[measure] = rows.getLong(groupBy.size() + 1 + measure);
                    }
                    if (Arrays.stream(sums).anyMatch(sum -> sum != 0)) {
                        groups.add(line(key, sums, rows.getLong(groupBy.size() + 1 + sums.length)));
                    }
                }
            }
            return groups.stream().sorted().toList();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not sum spend_daily", failure);
        }
    }

    /** Cube's rows as the same text lines, sorted. */
    static List<String> groups(List<Cube.Row> rows, List<Dimension> groupBy) {
        return rows.stream().map(row -> line(groupBy.stream().map(dimension -> String.valueOf(row.get(dimension)))
                .toList(), row.measures(), row.people())).sorted().toList();
    }

    private static String line(List<String> key, long[] sums, long people) {
        return String.join("|", key) + " " + Arrays.toString(sums) + " people=" + people;
    }
}
