package dev.aispend.report.query;

import dev.aispend.report.readmodel.ReportSnapshot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read model summed by any of its dimensions over a range of UTC days, as of the snapshot's position: the daily
 * sums, minus the lines applied after that position when the snapshot is not the latest (sums are commutative, so
 * this equals the sum of the lines up to the position), read from the narrowest sums that have every dimension
 * asked for ({@link CubeStatement}). Per group it also counts the people active in it, for adoption and for hiding
 * small groups.
 */
public final class Cube {
    private Cube() {
    }

    /** A range of UTC days (both included) and equality filters on attributes (never on a period). */
    public record Filter(LocalDate from, LocalDate to, Map<Dimension, String> equal) {
        public Filter {
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("from must not be after to");
            }
            if (equal.keySet().stream().anyMatch(Dimension::isPeriod)) {
                throw new IllegalArgumentException("a period is not a filter");
            }
            equal = Map.copyOf(equal);
        }

        public static Filter between(LocalDate from, LocalDate to) {
            return new Filter(from, to, Map.of());
        }

        public Filter with(Dimension dimension, String value) {
            Map<Dimension, String> more = new LinkedHashMap<>(equal);
            more.put(dimension, value);
            return new Filter(from, to, more);
        }
    }

    /**
     * One group: its key (a LocalDate for a period, else a String or null), its sums, and its active people.
     * Immutable (the key unmodifiable, the sums copied in and out): rows are shared by every report that asks the
     * same settled period ({@link Cubes}).
     */
    public record Row(Map<Dimension, Object> key, long[] measures, long people) {
        public Row {
            key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
            measures = measures.clone();
        }

        public Object get(Dimension dimension) {
            return key.get(dimension);
        }

        /** A copy of the sums, in {@link CubeTable#measures()} order. */
        @Override
        public long[] measures() {
            return measures.clone();
        }
    }

    public static List<Row> query(ReportSnapshot snapshot, CubeTable table, Filter filter, List<Dimension> groupBy) {
        for (Dimension dimension : groupBy) {
            if (!table.dimensions().contains(dimension)) {
                throw new IllegalArgumentException(table.daily() + " has no dimension " + dimension.parameter());
            }
        }
        CubeStatement statement = CubeStatement.of(snapshot.latest(), snapshot.asOfPosition(), table, filter,
                groupBy);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = snapshot.connection().prepareStatement(statement.sql())) {
            for (int index = 0; index < statement.parameters().size(); index++) {
                select.setObject(index + 1, statement.parameters().get(index));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result, table, groupBy));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not sum " + table.daily(), failure);
        }
        return rows.stream().filter(row -> java.util.Arrays.stream(row.measures()).anyMatch(value -> value != 0))
                .toList();
    }

    private static Row row(ResultSet result, CubeTable table, List<Dimension> groupBy) throws SQLException {
        Map<Dimension, Object> key = new LinkedHashMap<>();
        for (int index = 0; index < groupBy.size(); index++) {
            Dimension dimension = groupBy.get(index);
            key.put(dimension, dimension.isPeriod() ? result.getObject(index + 1, LocalDate.class)
                    : result.getString(index + 1));
        }
        long[] measures = new long[table.measures().size()];
        for (int index = 0; index < measures.length; index++) {
            measures[index] = result.getLong(groupBy.size() + 1 + index);
        }
        return new Row(key, measures, result.getLong(groupBy.size() + 1 + measures.length));
    }
}
