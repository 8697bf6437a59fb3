package dev.aispend.report.query;

import io.micronaut.core.annotation.Nullable;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A read model summed by {@link Cube}: its daily table, its monthly table if it has one, its line table, their shared key columns, the daily
 * measures and how each is taken (negated) from a line, and the dimensions it can be grouped by.
 *
 * @param lineMeasures     per daily measure, the SQL expression over a line that the measure sums (fixed text)
 * @param activityMeasures the measures {@code activeWhen} reads, a subset of {@code measures}
 * @param activeWhen       a condition over a person's sums in a group saying the person had activity in it
 * @param narrower         sums of the same lines with fewer attributes, narrowest first
 */
public record CubeTable(String daily, @Nullable String monthly, String lines, String keyColumns,
                        List<String> measures, List<String> lineMeasures, Set<Dimension> dimensions,
                        List<String> activityMeasures, String activeWhen, List<NarrowerSums> narrower) {

    /**
     * Sums of the same lines kept with fewer attributes, by day and by month, for asks that need none of the others:
     * {@code attributes} are the key's attribute columns in the order of {@link #keyColumns}, with NULL for the
     * ones these tables do not have; {@code dimensions} what they can be grouped and filtered by.
     */
    public record NarrowerSums(String daily, String monthly, String attributes, Set<Dimension> dimensions) {
        public NarrowerSums {
            dimensions = Set.copyOf(dimensions);
        }
    }

    public CubeTable {
        if (measures.size() != lineMeasures.size()) {
            throw new IllegalArgumentException("one line expression per measure");
        }
        if (!measures.containsAll(activityMeasures)) {
            throw new IllegalArgumentException("activity is read from the measures");
        }
        measures = List.copyOf(measures);
        lineMeasures = List.copyOf(lineMeasures);
        dimensions = Set.copyOf(dimensions);
        activityMeasures = List.copyOf(activityMeasures);
        narrower = List.copyOf(narrower);
    }

    /**
     * The narrowest sums that can answer for these dimensions (grouped and filtered by), else null (the table's
     * own daily and monthly sums).
     */
    @Nullable
    NarrowerSums narrowestFor(Set<Dimension> asked) {
        return narrower.stream().filter(sums -> sums.dimensions().containsAll(asked)).findFirst().orElse(null);
    }

    /** The attributes (every dimension but the periods) of the table's own key. */
    Set<Dimension> attributes() {
        return withoutPeriods(dimensions);
    }

    static Set<Dimension> withoutPeriods(Set<Dimension> dimensions) {
        EnumSet<Dimension> attributes = EnumSet.copyOf(dimensions);
        attributes.removeAll(PERIODS);
        return attributes;
    }

    private static final Set<Dimension> PERIODS = EnumSet.of(Dimension.DAY, Dimension.WEEK, Dimension.MONTH);

    public static final CubeTable SPEND = new CubeTable("spend_daily", "spend_monthly", "spend_line",
            "day, team, cost_center, person_ref, model, provider, purpose, source",
            List.of(SpendMeasures.COLUMNS),
            List.of(SpendMeasures.COLUMNS).stream().map(CubeTable::spendLineMeasure).toList(),
            union(PERIODS, EnumSet.of(Dimension.TEAM, Dimension.COST_CENTER, Dimension.PERSON, Dimension.MODEL,
                    Dimension.PROVIDER, Dimension.PURPOSE, Dimension.SOURCE)),
            List.of("records", "cost_usd_micros"), "records <> 0 OR cost_usd_micros <> 0",
            List.of(new NarrowerSums("spend_person_daily", "spend_person_monthly",
                            "team, cost_center, person_ref, NULL::text, NULL::text, NULL::text, NULL::text",
                            union(PERIODS, EnumSet.of(Dimension.TEAM, Dimension.COST_CENTER, Dimension.PERSON))),
                    new NarrowerSums("spend_model_daily", "spend_model_monthly",
                            "team, cost_center, person_ref, model, provider, NULL::text, NULL::text",
                            union(PERIODS, EnumSet.of(Dimension.TEAM, Dimension.COST_CENTER, Dimension.PERSON,
                                    Dimension.MODEL, Dimension.PROVIDER)))));

    public static final CubeTable OUTCOMES = new CubeTable("outcome_daily", null, "outcome_line",
            "day, team, cost_center, person_ref, kind, source, ai_assistance",
            List.of("outcomes", "additions", "deletions", "evidence_outcomes"),
            List.of("CASE WHEN line_kind <> 'EVIDENCE' THEN outcomes ELSE 0 END",
                    "CASE WHEN line_kind <> 'EVIDENCE' THEN additions ELSE 0 END",
                    "CASE WHEN line_kind <> 'EVIDENCE' THEN deletions ELSE 0 END",
                    "CASE WHEN line_kind = 'EVIDENCE' THEN outcomes ELSE 0 END"),
            union(PERIODS, EnumSet.of(Dimension.TEAM, Dimension.COST_CENTER, Dimension.PERSON,
                    Dimension.OUTCOME_KIND, Dimension.SOURCE, Dimension.AI_ASSISTANCE)),
            List.of("outcomes"), "outcomes <> 0", List.of());

    /** Evidence lines feed only the evidence_* measures; every other line feeds the others. */
    private static String spendLineMeasure(String column) {
        if (column.startsWith("evidence_")) {
            return "CASE WHEN line_kind = 'EVIDENCE' THEN " + column.substring("evidence_".length()) + " ELSE 0 END";
        }
        return "CASE WHEN line_kind <> 'EVIDENCE' THEN " + column + " ELSE 0 END";
    }

    private static Set<Dimension> union(Set<Dimension> first, Set<Dimension> second) {
        EnumSet<Dimension> both = EnumSet.copyOf(first);
        both.addAll(second);
        return both;
    }
}
