package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reading policy-service's check duration histogram and estimating quantiles the way histogram_quantile does. */
class ServiceHistogramTest {
    private static final String BEFORE = """
            # TYPE aispend_policy_check_duration_seconds histogram
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="0.001"} 10
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="0.002"} 10
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="0.005"} 10
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="+Inf"} 10
            aispend_policy_check_duration_seconds_count{result="ALLOW"} 10
            aispend_policy_check_duration_seconds_sum{result="ALLOW"} 0.005
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="0.001"} 0
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="0.002"} 0
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="0.005"} 0
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="+Inf"} 0
            aispend_policy_check_duration_seconds_count{result="DENY"} 0
            aispend_policy_check_duration_seconds_sum{result="DENY"} 0.0
            aispend_policy_check_duration_seconds_max{result="ALLOW"} 9.0E-4
            aispend_policy_checks_total{result="ALLOW"} 10.0
            """;
    private static final String AFTER = """
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="0.001"} 60
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="0.002"} 100
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="0.005"} 105
            aispend_policy_check_duration_seconds_bucket{result="ALLOW",le="+Inf"} 108
            aispend_policy_check_duration_seconds_count{result="ALLOW"} 108
            aispend_policy_check_duration_seconds_sum{result="ALLOW"} 0.2
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="0.001"} 2
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="0.002"} 2
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="0.005"} 2
            aispend_policy_check_duration_seconds_bucket{result="DENY",le="+Inf"} 2
            aispend_policy_check_duration_seconds_count{result="DENY"} 2
            aispend_policy_check_duration_seconds_sum{result="DENY"} 0.001
            """;

    @Test
    void sums_the_result_tags_and_ignores_other_series() {
        ServiceHistogram before = ServiceHistogram.parse(BEFORE);

        assertThat(before.count()).isEqualTo(10);
        assertThat(before.sumSeconds()).isCloseTo(0.005, within(1e-12));
        assertThat(before.cumulativeByUpperBoundSeconds()).containsEntry(0.001, 10L)
                .containsEntry(Double.POSITIVE_INFINITY, 10L).hasSize(4);
    }

    @Test
    void the_difference_of_two_scrapes_counts_only_the_checks_between_them() {
        ServiceHistogram between = ServiceHistogram.parse(AFTER).minus(ServiceHistogram.parse(BEFORE));

        // 100 checks: 52 up to 1 ms, 40 in (1, 2] ms, 5 in (2, 5] ms, 3 above 5 ms.
        assertThat(between.count()).isEqualTo(100);
        assertThat(between.cumulativeByUpperBoundSeconds()).containsEntry(0.001, 52L).containsEntry(0.002, 92L)
                .containsEntry(0.005, 97L).containsEntry(Double.POSITIVE_INFINITY, 100L);
        assertThat(between.sumSeconds()).isCloseTo(0.196, within(1e-12));
        assertThat(between.shareAtMost(0.005)).isEqualTo(0.97);
        assertThat(between.shareAtMost(0.0005)).isZero();
    }

    @Test
    void quantiles_are_linear_within_the_bucket_the_rank_falls_in() {
        ServiceHistogram between = ServiceHistogram.parse(AFTER).minus(ServiceHistogram.parse(BEFORE));

        // Rank 50 of 52 in [0, 1] ms; rank 90: 38 of 40 into (1, 2] ms; rank 96: 4 of 5 into (2, 5] ms.
        assertThat(between.quantileSeconds(0.5)).isCloseTo(0.001 * 50 / 52, within(1e-12));
        assertThat(between.quantileSeconds(0.9)).isCloseTo(0.001 + 0.001 * 38 / 40, within(1e-12));
        assertThat(between.quantileSeconds(0.96)).isCloseTo(0.002 + 0.003 * 4 / 5, within(1e-12));
        // Above the highest finite bound: that bound, as histogram_quantile answers.
        assertThat(between.quantileSeconds(0.99)).isEqualTo(0.005);
        assertThat(between.maxUpperBoundSeconds()).isInfinite();
    }

    @Test
    void nothing_counted_has_no_quantile() {
        ServiceHistogram before = ServiceHistogram.parse(BEFORE);

        assertThat(before.minus(before).quantileSeconds(0.99)).isNaN();
        assertThat(before.minus(before).shareAtMost(0.005)).isNaN();
    }
}
