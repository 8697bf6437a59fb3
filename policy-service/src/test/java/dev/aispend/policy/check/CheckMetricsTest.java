package dev.aispend.policy.check;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check duration as /prometheus shows it: what the check latency benchmark reads (bucket counts, diffed over
 * its run) and Prometheus' histogram_quantile. Recorded durations are given, not timed.
 */
class CheckMetricsTest {
    @Test
    void the_duration_is_a_histogram_by_result_with_a_5_ms_bucket_and_fine_buckets_below_1_ms() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CheckMetrics metrics = new CheckMetrics(meters);

        metrics.answered("ALLOW", TimeUnit.MICROSECONDS.toNanos(800));
        metrics.answered("ALLOW", TimeUnit.MILLISECONDS.toNanos(7));
        metrics.answered(CheckMetrics.REFUSED, TimeUnit.MICROSECONDS.toNanos(150));

        String scrape = meters.scrape();
        assertThat(scrape).contains("aispend_policy_check_duration_seconds_bucket{result=\"ALLOW\",le=\"0.005\"} 1")
                .contains("aispend_policy_check_duration_seconds_bucket{result=\"ALLOW\",le=\"0.001\"} 1")
                .contains("aispend_policy_check_duration_seconds_count{result=\"ALLOW\"} 2")
                .contains("aispend_policy_check_duration_seconds_count{result=\"REFUSED\"} 1")
                .contains("aispend_policy_check_duration_seconds_count{result=\"DENY\"} 0");
        // Buckets below a millisecond (the floor is 100 µs, not Micrometer's default 1 ms): 800 µs is told apart.
        assertThat(scrape).contains("aispend_policy_check_duration_seconds_bucket{result=\"ALLOW\",le=\"1.0E-4\"} 0")
                .containsPattern("result=\"ALLOW\",le=\"[0-9.]+E-4\"} 1");
    }
}
