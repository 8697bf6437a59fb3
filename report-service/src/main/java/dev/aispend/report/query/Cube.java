package dev.aispend.report.query;

import dev.aispend.report.readmodel.ReportSnapshot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A read model summed by any of its dimensions over a range of UTC days, as of the snapshot's position: the daily
 * sums, minus the lines applied after that position when the snapshot is not the latest (sums are commutative, so
 * this equals the sum of the lines up to the position). Per group it also counts the people active in it, for
 * adoption and for hiding small groups.
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

    /** One group: its key (a LocalDate for a period, else a String or null), its sums, and its active people. */
    public record Row(Map<Dimension, Object> key, long[] measures, long people) {
        public Object get(Dimension dimension) {
            return key.get(dimension);
        }
    }

    public static List<Row> query(ReportSnapshot snapshot, CubeTable table, Filter filter, List<Dimension> groupBy) {
        for (Dimension dimension : groupBy) {
            if (!table.dimensions().contains(dimension)) {
                throw new IllegalArgumentException(table.daily() + " has no dimension " + dimension.parameter());
            }
        }
        List<Dimension> filters = filter.equal().keySet().stream().sorted().toList();
        List<Source> sources = sources(snapshot.latest(), table, filter, groupBy);
        String sql = sql(table, filters, groupBy, sources);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = snapshot.connection().prepareStatement(sql)) {
            int index = 1;
            for (Source source : sources) {
                index = bindWhere(select, index, source.from(), source.to(), filter, filters);
                if (source.afterPosition()) {
                    select.setLong(index++, snapshot.asOfPosition());
                }
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

    /**
     * Where the sums come from: the monthly table for the whole months of the range when no day or week is asked
     * for (far fewer rows), the daily table for the rest, and when the snapshot is not the latest the lines after
     * its position, negated, over the whole range.
     */
    private record Source(String table, String periodColumn, @Nullable String attributes, LocalDate from,
                          LocalDate to, boolean afterPosition) {
        Source(String table, String periodColumn, LocalDate from, LocalDate to, boolean afterPosition) {
            this(table, periodColumn, null, from, to, afterPosition);
        }
    }

    private static List<Source> sources(boolean latest, CubeTable table, Filter filter, List<Dimension> groupBy) {
        Set<Dimension> asked = EnumSet.noneOf(Dimension.class);
        asked.addAll(groupBy);
        asked.addAll(filter.equal().keySet());
        CubeTable.PersonSums perPerson = table.personSumsFor(asked);
        List<Source> sources = new ArrayList<>();
        String daily = perPerson == null ? table.daily() : perPerson.daily();
        String monthlyTable = perPerson == null ? table.monthly() : perPerson.monthly();
        String attributes = perPerson == null ? null : perPerson.attributes();
        LocalDate firstWhole = filter.from().getDayOfMonth() == 1 ? filter.from()
                : filter.from().withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = filter.to().equals(YearMonth.from(filter.to()).atEndOfMonth()) ? filter.to()
                : filter.to().withDayOfMonth(1).minusDays(1);
        boolean monthly = monthlyTable != null && !firstWhole.isAfter(lastWhole)
                && !groupBy.contains(Dimension.DAY) && !groupBy.contains(Dimension.WEEK);
        if (!monthly) {
            sources.add(new Source(daily, "day", attributes, filter.from(), filter.to(), false));
        } else {
            if (filter.from().isBefore(firstWhole)) {
                sources.add(new Source(daily, "day", attributes, filter.from(), firstWhole.minusDays(1), false));
            }
            sources.add(new Source(monthlyTable, "month", attributes, firstWhole, lastWhole.withDayOfMonth(1),
                    false));
            if (filter.to().isAfter(lastWhole)) {
                sources.add(new Source(daily, "day", attributes, lastWhole.plusDays(1), filter.to(), false));
            }
        }
        if (!latest) {
            sources.add(new Source(table.lines(), "day", filter.from(), filter.to(), true));
        }
        return sources;
    }

    private static String sql(CubeTable table, List<Dimension> filters, List<Dimension> groupBy,
                              List<Source> sources) {
        String keys = groupBy.stream().map(dimension -> dimension.expression() + " AS k_" + dimension.ordinal())
                .collect(Collectors.joining(", ", "", groupBy.isEmpty() ? "" : ", "));
        String keyNames = groupBy.stream().map(dimension -> "k_" + dimension.ordinal())
                .collect(Collectors.joining(", "));
        String attributes = table.keyColumns().substring("day, ".length());
        String source = sources.stream().map(part -> {
            String where = " WHERE " + part.periodColumn() + " BETWEEN ? AND ?" + filters.stream()
                    .map(dimension -> " AND " + dimension.expression() + " = ?").collect(Collectors.joining());
            if (part.afterPosition()) {
                return "SELECT " + table.keyColumns() + ", " + IntStream.range(0, table.measures().size())
                        .mapToObj(index -> "-(" + table.lineMeasures().get(index) + ") AS "
                                + table.measures().get(index)).collect(Collectors.joining(", "))
                        + " FROM " + part.table() + where + " AND position > ?";
            }
            return "SELECT " + part.periodColumn() + " AS day, "
                    + (part.attributes() == null ? attributes : part.attributes()) + ", "
                    + String.join(", ", table.measures()) + " FROM " + part.table() + where;
        }).collect(Collectors.joining(" UNION ALL "));
        String inner = table.measures().stream().map(measure -> "SUM(" + measure + ") AS " + measure)
                .collect(Collectors.joining(", "));
        String outer = table.measures().stream().map(measure -> "SUM(" + measure + ")")
                .collect(Collectors.joining(", "));
        return "WITH per_person AS (SELECT " + keys + "person_ref, " + inner + " FROM (" + source
                + ") source GROUP BY " + (keyNames.isEmpty() ? "" : keyNames + ", ") + "person_ref) SELECT "
                + (keyNames.isEmpty() ? "" : keyNames + ", ") + outer + ", COUNT(*) FILTER (WHERE "
                + table.activeWhen() + ") FROM per_person"
                + (keyNames.isEmpty() ? "" : " GROUP BY " + keyNames + " ORDER BY " + keyNames);
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

    private static int bindWhere(PreparedStatement select, int first, LocalDate from, LocalDate to, Filter filter,
                                 List<Dimension> filters) throws SQLException {
        int index = first;
        select.setObject(index++, from);
        select.setObject(index++, to);
        for (Dimension dimension : filters) {
            select.setString(index++, filter.equal().get(dimension));
        }
        return index;
    }
}
