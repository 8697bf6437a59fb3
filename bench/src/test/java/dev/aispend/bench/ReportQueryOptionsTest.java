package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report query benchmark's options, the requests it sends and the copy of report-service's spend SQL. */
class ReportQueryOptionsTest {
    @Test
    void defaults_measure_what_is_loaded_against_the_local_system() {
        ReportQueryOptions options = ReportQueryOptions.parse(new String[0]);

        assertThat(options.entries()).isZero();
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(options.durationSeconds()).isEqualTo(30);
        assertThat(options.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(options.firstDay()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(options.reportUrl()).isEqualTo("http://127.0.0.1:8084");
        assertThat(options.reportJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/report");
    }

    @Test
    void options_are_bounded_and_unknown_ones_refused() {
        assertThat(ReportQueryOptions.parse(new String[] {"--entries=1000000", "--month=2026-09", "--seed=3",
            "--explain=false"})).satisfies(options -> {
                assertThat(options.entries()).isEqualTo(1_000_000);
                assertThat(options.month()).isEqualTo(YearMonth.of(2026, 9));
                assertThat(options.seed()).isEqualTo(3);
                assertThat(options.explain()).isFalse();
            });
        assertThatThrownBy(() -> ReportQueryOptions.parse(new String[] {"--teams=17"}))
                .hasMessageContaining("--teams must be within 1..16");
        assertThatThrownBy(() -> ReportQueryOptions.parse(new String[] {"--month=October"}))
                .hasMessageContaining("--month must be a month");
        assertThatThrownBy(() -> ReportQueryOptions.parse(new String[] {"--entry=5"}))
                .hasMessageContaining("unknown options [entry]");
    }

    @Test
    void the_queries_ask_for_the_month_and_an_as_of_position_back() {
        List<ReportQueryBenchmark.Query> queries = ReportQueryBenchmark.queries(
                ReportQueryOptions.parse(new String[0]), 1_005_014);

        assertThat(queries).extracting(ReportQueryBenchmark.Query::path).containsExactly(
                "/v1/reports/spend?from=2026-10-01&to=2026-10-31",
                "/v1/reports/spend?from=2026-10-01&to=2026-10-31&period=day&groupBy=team,model",
                "/v1/reports/spend?from=2026-10-01&to=2026-10-31&period=day&groupBy=team,model&asOf=995014",
                "/v1/reports/spend?from=2026-08-01&to=2026-10-31",
                "/v1/reports/spend?from=2026-10-01&to=2026-10-31&asOf=995014",
                "/v1/reports/efficiency?from=2026-10-01&to=2026-10-31",
                "/v1/reports/distribution?from=2026-10-01&to=2026-10-31");
    }

    @Test
    void the_spend_sql_is_report_services_latest_or_minus_the_lines_after_the_position() {
        String latest = SpendCubeSql.sql(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                List.of(SpendCubeSql.Dimension.TEAM), null);
        String asOf = SpendCubeSql.sql(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                List.of(SpendCubeSql.Dimension.TEAM), 42L);
        String partial = SpendCubeSql.sql(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15),
                List.of(SpendCubeSql.Dimension.TEAM), null);

        // A whole month reads the monthly sums; part of a month the daily ones.
        assertThat(latest).startsWith("WITH per_person AS (SELECT team AS k_3, person_ref, SUM(records) AS records")
                .contains("FROM spend_person_monthly WHERE month BETWEEN '2026-10-01'::date AND '2026-10-01'::date")
                .endsWith("FROM per_person GROUP BY k_3 ORDER BY k_3").doesNotContain("spend_line")
                .doesNotContain("spend_daily");
        assertThat(partial).contains("FROM spend_person_daily WHERE day BETWEEN '2026-10-01'::date AND "
                + "'2026-10-15'::date").doesNotContain("monthly");
        assertThat(asOf).contains(" UNION ALL SELECT day, team, cost_center, person_ref, model, provider, purpose, "
                + "source, -(CASE WHEN line_kind <> 'EVIDENCE' THEN records ELSE 0 END) AS records")
                .contains("FROM spend_line WHERE day BETWEEN '2026-10-01'::date AND '2026-10-31'::date AND "
                        + "position > 42");
    }
}
