package dev.aispend.report.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CubeStatementTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 31);
    private static final Cube.Filter OCTOBER = Cube.Filter.between(FIRST, LAST);
    private static final long POSITION = 1234;

    private static CubeStatement latest(Cube.Filter filter, Dimension... groupBy) {
        return CubeStatement.of(true, POSITION, CubeTable.SPEND, filter, List.of(groupBy));
    }

    private static CubeStatement asOf(Cube.Filter filter, Dimension... groupBy) {
        return CubeStatement.of(false, POSITION, CubeTable.SPEND, filter, List.of(groupBy));
    }

    @Test
    void splits_by_day_team_and_model_from_the_model_sums_counting_people_from_their_activity_alone() {
        CubeStatement statement = latest(OCTOBER, Dimension.DAY, Dimension.TEAM, Dimension.MODEL);

        assertThat(statement.sql()).contains("FROM spend_model_daily WHERE day BETWEEN ? AND ?")
                .doesNotContain("spend_daily", "spend_line", "spend_model_monthly", "spend_person_daily");
        // The sums per group beside the people counted from records and cost per group and person.
        assertThat(statement.sql()).contains("person_ref, SUM(records) AS records, SUM(cost_usd_micros) AS "
                + "cost_usd_micros FROM (SELECT day AS day, team, cost_center, person_ref, model, provider, "
                + "NULL::text, NULL::text, records, cost_usd_micros FROM spend_model_daily");
        assertThat(statement.parameters()).containsExactly(FIRST, LAST, FIRST, LAST);
    }

    @Test
    void subtracts_the_lines_after_the_position_in_both_the_sums_and_the_people() {
        CubeStatement statement = asOf(OCTOBER, Dimension.DAY, Dimension.TEAM, Dimension.MODEL);

        assertThat(statement.sql().split("FROM spend_model_daily", -1)).hasSize(3);
        assertThat(statement.sql().split("FROM spend_line WHERE day BETWEEN \\? AND \\? AND position > \\?", -1))
                .hasSize(3);
        assertThat(statement.parameters()).containsExactly(FIRST, LAST, FIRST, LAST, POSITION, FIRST, LAST, FIRST,
                LAST, POSITION);
    }

    @Test
    void reads_the_narrowest_sums_that_have_every_dimension_asked_for() {
        assertThat(latest(OCTOBER, Dimension.TEAM).sql()).contains("FROM spend_person_monthly")
                .doesNotContain("spend_model_", "spend_monthly", "spend_daily");
        assertThat(latest(OCTOBER, Dimension.MODEL).sql()).contains("FROM spend_model_monthly")
                .doesNotContain("spend_person_", "spend_monthly", "spend_daily");
        assertThat(latest(OCTOBER.with(Dimension.PROVIDER, "openai"), Dimension.WEEK, Dimension.TEAM).sql())
                .contains("FROM spend_model_daily").doesNotContain("spend_person_", "spend_daily");
        assertThat(latest(OCTOBER, Dimension.DAY, Dimension.PURPOSE).sql()).contains("FROM spend_daily")
                .doesNotContain("spend_person_", "spend_model_");
        assertThat(latest(OCTOBER.with(Dimension.SOURCE, "otel"), Dimension.MODEL).sql())
                .contains("FROM spend_monthly").doesNotContain("spend_person_", "spend_model_");
    }

    @Test
    void reads_whole_months_from_the_monthly_sums_and_the_partial_ones_from_the_daily() {
        Cube.Filter range = Cube.Filter.between(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 11, 10));

        CubeStatement statement = latest(range, Dimension.MODEL);

        assertThat(statement.sql()).contains("FROM spend_model_daily WHERE day", "FROM spend_model_monthly WHERE "
                + "month");
        assertThat(statement.parameters()).startsWith(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 10)).hasSize(12);
    }

    @Test
    void takes_a_group_of_one_person_as_active_when_its_own_sums_are() {
        String sql = asOf(OCTOBER, Dimension.WEEK, Dimension.TEAM, Dimension.PERSON).sql();

        assertThat(sql).startsWith("SELECT k_1, k_3, k_5, records, input_tokens")
                .contains(", CASE WHEN records <> 0 OR cost_usd_micros <> 0 THEN 1 ELSE 0 END FROM (SELECT "
                        + "date_trunc('week', day)::date AS k_1, team AS k_3, person_ref AS k_5, SUM(records)")
                .doesNotContain("per_person", "COUNT(");
    }

    @Test
    void counts_the_active_rows_when_each_row_of_one_table_is_another_person_of_its_group() {
        // spend_person_daily's key is (day, team, cost center, person): grouped by all but the person.
        String perDay = latest(OCTOBER, Dimension.DAY, Dimension.TEAM, Dimension.COST_CENTER).sql();
        // One month of spend_model_monthly: its period is the range's only one; the rest grouped or filtered.
        String month = latest(OCTOBER.with(Dimension.COST_CENTER, "cc-100").with(Dimension.PROVIDER, "openai"),
                Dimension.TEAM, Dimension.MODEL).sql();

        for (String sql : List.of(perDay, month)) {
            assertThat(sql).contains("COUNT(*) FILTER (WHERE records <> 0 OR cost_usd_micros <> 0) FROM (SELECT")
                    .doesNotContain("per_person", "UNION ALL", "spend_line");
        }
        assertThat(perDay).contains("FROM spend_person_daily");
        assertThat(month).contains("FROM spend_model_monthly");
    }

    @Test
    void counts_people_per_person_when_rows_of_a_group_may_be_one_person() {
        // Several days per week; a person's spend in two cost centers of a team; lines beside the sums.
        List<String> statements = List.of(latest(OCTOBER, Dimension.WEEK, Dimension.TEAM, Dimension.COST_CENTER).sql(),
                latest(OCTOBER, Dimension.DAY, Dimension.TEAM).sql(),
                asOf(OCTOBER, Dimension.DAY, Dimension.TEAM, Dimension.COST_CENTER).sql(),
                latest(Cube.Filter.between(FIRST, LocalDate.of(2026, 11, 3)), Dimension.MONTH, Dimension.TEAM,
                        Dimension.COST_CENTER).sql(),
                latest(Cube.Filter.between(LocalDate.of(2026, 9, 1), LAST), Dimension.TEAM, Dimension.COST_CENTER)
                        .sql());

        for (String sql : statements) {
            assertThat(sql).contains("person_ref) per_person", "0 AS people");
        }
    }

    @Test
    void sums_every_measure_per_person_first_when_lines_join_monthly_sums_alone() {
        CubeStatement statement = asOf(OCTOBER, Dimension.TEAM);

        assertThat(statement.sql()).contains("FROM spend_person_monthly WHERE month BETWEEN ? AND ?",
                        "GROUP BY k_3, person_ref) per_person", "person_ref, SUM(records) AS records, "
                                + "SUM(input_tokens) AS input_tokens")
                .doesNotContain("0 AS people");
        assertThat(statement.sql().split("FROM spend_line", -1)).hasSize(2);
        assertThat(statement.parameters()).containsExactly(FIRST, FIRST, FIRST, LAST, POSITION);
    }

    @Test
    void sums_everything_into_one_row_without_groups() {
        CubeStatement statement = asOf(OCTOBER);

        assertThat(statement.sql()).startsWith("SELECT SUM(records), ").contains("GROUP BY person_ref) per_person")
                .doesNotContain("ORDER BY", "k_");
    }
}
