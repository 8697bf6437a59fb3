package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusScrapeTest {
    private static final String EXPOSITION = """
            # HELP aispend_ledger_intake_batch_duration_seconds time to decode an intake batch
            # TYPE aispend_ledger_intake_batch_duration_seconds histogram
            aispend_ledger_intake_batch_duration_seconds_count 3
            aispend_ledger_intake_batch_duration_seconds_sum 1.5
            aispend_ledger_intake_batch_duration_seconds_sum_other 9
            aispend_policy_check_duration_seconds_count{result="allow"} 10
            aispend_policy_check_duration_seconds_count{result="deny"} 2
            """;

    @Test
    void sums_a_series_over_its_labels_and_reads_a_missing_one_as_zero() {
        Map<String, Double> sums = PrometheusScrape.sums(EXPOSITION, List.of(
                "aispend_ledger_intake_batch_duration_seconds_sum", "aispend_policy_check_duration_seconds_count",
                "aispend_missing_total"));

        assertThat(sums).containsExactly(Map.entry("aispend_ledger_intake_batch_duration_seconds_sum", 1.5),
                Map.entry("aispend_policy_check_duration_seconds_count", 12.0), Map.entry("aispend_missing_total", 0.0));
    }

    @Test
    void the_difference_is_taken_name_by_name() {
        assertThat(PrometheusScrape.difference(Map.of("a", 5.0), Map.of("a", 2.0))).containsEntry("a", 3.0);
    }
}
