package dev.aispend.report.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one SQL statement that sums a {@link CubeTable} for {@link Cube}, and its parameters in order. Where the sums
 * come from: the narrowest sums that have every dimension asked for; their monthly table for the whole months of
 * the range when no day or week is asked for, their daily table for the rest; and when the snapshot is not the
 * latest, the lines after its position, negated, over the whole range.
 *
 * <p>The people active in a group (a person's summed activity measures in it not all zero) are counted in one of
 * three shapes, each exact:
 * <ul>
 * <li>grouped by person: each group is one person, active when the group's own sums are;</li>
 * <li>one source whose key, with the period, is fixed by the groups and filters but for the person: each row of a
 *     group is another person, so the active rows are the active people;</li>
 * <li>else the sums per group, and beside them the people counted from their sums per group and person of the
 *     activity measures alone (a few sums per person instead of all of them), the two added up per group;</li>
 * <li>but with the lines after the position beside monthly sums alone, every sum per group and person first,
 *     then per group: the monthly rows are few, the lines may be as many, and read once.</li>
 * </ul>
 * Measured on a ledger of 10 million entries (docs/performance.md): a month by day, team and model sums 89,000
 * rows into as many (group, person) pairs, where the sums beside the people take a tenth of the time of all sums
 * per person; a month by team as of 10,000 entries back sums 600 monthly rows and 10,000 lines into 600 pairs,
 * where reading the lines twice costs more than it saves.
 *
 * @param sql        the statement (fixed text and dimension expressions; every value is a parameter)
 * @param parameters its parameters in order: dates, filter values (text) and the as-of position
 */
record CubeStatement(String sql, List<Object> parameters) {

    /** Where part of the sums comes from: a table, its period column, which attributes it has, and the range. */
    private record Source(String table, Dimension period, String attributes, Set<Dimension> keyAttributes,
                          LocalDate from, LocalDate to, boolean afterPosition) {
        /** The column the period is in: the monthly tables key by month, the daily ones and the lines by day. */
        String periodColumn() {
            return period == Dimension.MONTH ? "month" : "day";
        }
    }

    static CubeStatement of(boolean latest, long asOfPosition, CubeTable table, Cube.Filter filter,
                            List<Dimension> groupBy) {
        List<Dimension> filters = filter.equal().keySet().stream().sorted().toList();
        List<Source> sources = sources(latest, table, filter, groupBy);
        Sql sql = new Sql(table, filters, groupBy, sources);
        String statement;
        int unions;
        if (groupBy.contains(Dimension.PERSON)) {
            statement = sql.groupIsOnePerson();
            unions = 1;
        } else if (rowsArePeople(sources, filter, groupBy)) {
            statement = sql.rowsArePeople();
            unions = 1;
        } else if (sources.stream().anyMatch(Source::afterPosition)
                && sources.stream().noneMatch(source -> source.period() == Dimension.DAY && !source.afterPosition())) {
            statement = sql.perPersonThenGroups();
            unions = 1;
        } else {
            statement = sql.sumsBesidePeople();
            unions = 2;
        }
        List<Object> parameters = new ArrayList<>();
        for (int union = 0; union < unions; union++) {
            for (Source source : sources) {
                parameters.add(source.from());
                parameters.add(source.to());
                filters.forEach(dimension -> parameters.add(filter.equal().get(dimension)));
                if (source.afterPosition()) {
                    parameters.add(asOfPosition);
                }
            }
        }
        return new CubeStatement(statement, List.copyOf(parameters));
    }

    private static List<Source> sources(boolean latest, CubeTable table, Cube.Filter filter,
                                        List<Dimension> groupBy) {
        Set<Dimension> asked = EnumSet.noneOf(Dimension.class);
        asked.addAll(groupBy);
        asked.addAll(filter.equal().keySet());
        CubeTable.NarrowerSums narrower = table.narrowestFor(asked);
        String daily = narrower == null ? table.daily() : narrower.daily();
        String monthlyTable = narrower == null ? table.monthly() : narrower.monthly();
        String attributes = narrower == null ? table.keyColumns().substring("day, ".length())
                : narrower.attributes();
        Set<Dimension> keyAttributes = narrower == null ? table.attributes()
                : CubeTable.withoutPeriods(narrower.dimensions());
        LocalDate firstWhole = filter.from().getDayOfMonth() == 1 ? filter.from()
                : filter.from().withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = filter.to().equals(YearMonth.from(filter.to()).atEndOfMonth()) ? filter.to()
                : filter.to().withDayOfMonth(1).minusDays(1);
        boolean monthly = monthlyTable != null && !firstWhole.isAfter(lastWhole)
                && !groupBy.contains(Dimension.DAY) && !groupBy.contains(Dimension.WEEK);
        List<Source> sources = new ArrayList<>();
        if (!monthly) {
            sources.add(new Source(daily, Dimension.DAY, attributes, keyAttributes, filter.from(),
                    filter.to(), false));
        } else {
            if (filter.from().isBefore(firstWhole)) {
                sources.add(new Source(daily, Dimension.DAY, attributes, keyAttributes, filter.from(),
                        firstWhole.minusDays(1), false));
            }
            sources.add(new Source(monthlyTable, Dimension.MONTH, attributes, keyAttributes, firstWhole,
                    lastWhole.withDayOfMonth(1), false));
            if (filter.to().isAfter(lastWhole)) {
                sources.add(new Source(daily, Dimension.DAY, attributes, keyAttributes,
                        lastWhole.plusDays(1), filter.to(), false));
            }
        }
        if (!latest) {
            sources.add(new Source(table.lines(), Dimension.DAY, null, table.attributes(), filter.from(),
                    filter.to(), true));
        }
        return sources;
    }

    /**
     * Whether each row of the one source is another person in its group: its key is unique (period and
     * attributes, NULLs equal), and the groups and filters fix the period and every attribute but the person.
     */
    private static boolean rowsArePeople(List<Source> sources, Cube.Filter filter, List<Dimension> groupBy) {
        if (sources.size() != 1 || sources.get(0).afterPosition()) {
            return false;
        }
        Source source = sources.get(0);
        Set<Dimension> fixed = EnumSet.noneOf(Dimension.class);
        fixed.addAll(groupBy);
        fixed.addAll(filter.equal().keySet());
        fixed.add(Dimension.PERSON);
        boolean onePeriod = groupBy.contains(source.period()) || source.from().equals(source.to());
        return onePeriod && fixed.containsAll(source.keyAttributes());
    }

    /** The statement's text for one table, filters, grouping and sources. */
    private record Sql(CubeTable table, List<Dimension> filters, List<Dimension> groupBy, List<Source> sources) {

        /** Grouped by person: one person per group, active when the group's sums are. */
        String groupIsOnePerson() {
            return "SELECT " + keyNames() + ", " + String.join(", ", table.measures()) + ", CASE WHEN "
                    + table.activeWhen() + " THEN 1 ELSE 0 END FROM (SELECT " + keys() + ", " + sums()
                    + " FROM (" + source(table.measures()) + ") source GROUP BY " + keyNames() + ") sums ORDER BY "
                    + keyNames();
        }

        /** One row per person and group: the active rows counted. */
        String rowsArePeople() {
            return "SELECT " + leading(keys()) + sums() + ", COUNT(*) FILTER (WHERE " + table.activeWhen()
                    + ") FROM (" + source(table.measures()) + ") source" + trailing();
        }

        /** Every sum per group and person, then per group, the active people counted. */
        String perPersonThenGroups() {
            return "SELECT " + leading(keyNames()) + outerSums() + ", COUNT(*) FILTER (WHERE " + table.activeWhen()
                    + ") FROM (SELECT " + leading(keys()) + "person_ref, " + sums() + " FROM ("
                    + source(table.measures()) + ") source GROUP BY " + leading(keyNames()) + "person_ref) per_person"
                    + trailing();
        }

        /** The sums per group, and the people counted from their activity sums per group and person. */
        String sumsBesidePeople() {
            String zeros = table.measures().stream().map(measure -> "0").collect(Collectors.joining(", "));
            String activity = table.activityMeasures().stream().map(measure -> "SUM(" + measure + ") AS " + measure)
                    .collect(Collectors.joining(", "));
            String people = "SELECT " + leading(keyNames()) + zeros + ", COUNT(*) FILTER (WHERE "
                    + table.activeWhen() + ") FROM (SELECT " + leading(keys()) + "person_ref, " + activity
                    + " FROM (" + source(table.activityMeasures()) + ") source GROUP BY " + leading(keyNames())
                    + "person_ref) per_person" + (groupBy.isEmpty() ? "" : " GROUP BY " + keyNames());
            return "SELECT " + leading(keyNames()) + outerSums() + ", SUM(people) FROM (SELECT " + leading(keys())
                    + sums() + ", 0 AS people FROM (" + source(table.measures()) + ") source"
                    + (groupBy.isEmpty() ? "" : " GROUP BY " + keyNames()) + " UNION ALL " + people + ") parts"
                    + trailing();
        }

        private String keys() {
            return groupBy.stream().map(dimension -> dimension.expression() + " AS k_" + dimension.ordinal())
                    .collect(Collectors.joining(", "));
        }

        private String keyNames() {
            return groupBy.stream().map(dimension -> "k_" + dimension.ordinal()).collect(Collectors.joining(", "));
        }

        /** A list to put before more columns: with its comma, or nothing when there are no groups. */
        private String leading(String list) {
            return groupBy.isEmpty() ? "" : list + ", ";
        }

        private String trailing() {
            return groupBy.isEmpty() ? "" : " GROUP BY " + keyNames() + " ORDER BY " + keyNames();
        }

        /** Every measure summed again over the rows a subquery already summed (their names kept). */
        private String outerSums() {
            return table.measures().stream().map(measure -> "SUM(" + measure + ")").collect(Collectors.joining(", "));
        }

        private String sums() {
            return table.measures().stream().map(measure -> "SUM(" + measure + ") AS " + measure)
                    .collect(Collectors.joining(", "));
        }

        /** Every source part's rows of these measures, one UNION ALL. */
        private String source(List<String> measures) {
            return sources.stream().map(part -> part(part, measures)).collect(Collectors.joining(" UNION ALL "));
        }

        private String part(Source part, List<String> measures) {
            String where = " WHERE " + part.periodColumn() + " BETWEEN ? AND ?" + filters.stream()
                    .map(dimension -> " AND " + dimension.expression() + " = ?").collect(Collectors.joining());
            if (part.afterPosition()) {
                return "SELECT " + table.keyColumns() + ", " + measures.stream().map(measure -> "-("
                        + table.lineMeasures().get(table.measures().indexOf(measure)) + ") AS " + measure)
                        .collect(Collectors.joining(", ")) + " FROM " + part.table() + where + " AND position > ?";
            }
            return "SELECT " + part.periodColumn() + " AS day, " + part.attributes() + ", "
                    + String.join(", ", measures) + " FROM " + part.table() + where;
        }
    }
}
