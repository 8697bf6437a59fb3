package dev.aispend.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's table: one row per figure, with its target where the performance issue sets one and whether this run
 * met it. Printed on stdout at the end of the run and written into the JSON file.
 */
final class Summary {
    /** A target: met when the figure is at least (or at most) the bound. */
    record Target(String text, double bound, boolean atLeast) {
        static Target atLeast(double bound, String text) {
            return new Target(text, bound, true);
        }

        static Target under(double bound, String text) {
            return new Target(text, bound, false);
        }

        boolean metBy(double figure) {
            return atLeast ? figure >= bound : figure < bound;
        }
    }

    private record Row(String measure, double figure, String unit, Target target) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String measure, double figure, String unit) {
        rows.add(new Row(measure, figure, unit, null));
    }

    void add(String measure, double figure, String unit, Target target) {
        rows.add(new Row(measure, figure, unit, target));
    }

    String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-62s %14s  %-12s %-22s %s%n", "measure", "figure", "unit", "target", "met"));
        for (Row row : rows) {
            String met = row.target() == null ? "" : row.target().metBy(row.figure()) ? "yes" : "NO";
            text.append(String.format("%-62s %,14.1f  %-12s %-22s %s%n", row.measure(), row.figure(), row.unit(),
                    row.target() == null ? "" : row.target().text(), met));
        }
        return text.toString();
    }

    List<Map<String, Object>> rows() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("measure", row.measure());
            map.put("figure", row.figure());
            map.put("unit", row.unit());
            if (row.target() != null) {
                map.put("target", row.target().text());
                map.put("met", row.target().metBy(row.figure()));
            }
            list.add(map);
        }
        return list;
    }
}
