package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    @Test
    void a_figure_meets_an_at_least_target_at_the_bound_and_an_under_target_only_below_it() {
        assertThat(Summary.Target.atLeast(10_000, ">= 10,000").metBy(10_000)).isTrue();
        assertThat(Summary.Target.atLeast(10_000, ">= 10,000").metBy(9_999.9)).isFalse();
        assertThat(Summary.Target.under(5, "< 5 ms").metBy(5)).isFalse();
        assertThat(Summary.Target.under(5, "< 5 ms").metBy(4.99)).isTrue();
    }

    @Test
    void the_table_and_the_rows_say_whether_each_target_was_met() {
        Summary summary = new Summary();
        summary.add("end to end", 4_500, "records/s", Summary.Target.atLeast(10_000, ">= 10,000"));
        summary.add("COPY limit", 30_000, "rows/s");

        assertThat(summary.format()).contains("end to end").contains("NO").contains("30,000.0");
        assertThat(summary.rows()).hasSize(2);
        assertThat(summary.rows().get(0)).containsEntry("met", false).containsEntry("target", ">= 10,000");
        assertThat(summary.rows().get(1)).doesNotContainKey("met");
    }
}
