package dev.aispend.ingest.source.otlp.series;

import dev.aispend.contracts.outcome.OutcomeRecord.AiAssistance;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.source.otlp.mapping.MetricPoint;
import dev.aispend.ingest.source.otlp.mapping.StreamKeys;
import dev.aispend.ingest.source.otlp.mapping.Submission;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PointIncreasesTest {
    private static final String STREAM = "a".repeat(64);

    @Test
    void a_cumulative_series_exported_twice_counts_its_last_total_once() {
        Map<String, SeriesState> database = new HashMap<>();
        List<MetricPoint> first = List.of(cumulative(100, 1_000, "1000"));
        List<MetricPoint> second = List.of(cumulative(100, 2_000, "1500"));

        List<Long> counted = new java.util.ArrayList<>();
        for (List<MetricPoint> export : List.of(first, second, second)) {
            PointIncreases.Resolved resolved = PointIncreases.resolve(export, database);
            database.putAll(resolved.changed());
            resolved.submissions().forEach(submission -> counted.add(count(submission)));
        }

        assertThat(counted).containsExactly(1000L, 500L);
        assertThat(counted.stream().mapToLong(Long::longValue).sum()).isEqualTo(1500L);
    }

    @Test
    void recomputes_the_same_increase_under_the_same_id_after_a_rolled_back_attempt() {
        Map<String, SeriesState> committed = Map.of(StreamKeys.series(STREAM, 100),
                new SeriesState(1_000, new BigDecimal("1000")));
        List<MetricPoint> export = List.of(cumulative(100, 2_000, "1500"));

        Submission attempt = PointIncreases.resolve(export, committed).submissions().get(0);
        Submission retry = PointIncreases.resolve(export, committed).submissions().get(0);

        assertThat(retry).isEqualTo(attempt);
        assertThat(count(retry)).isEqualTo(500L);
    }

    @Test
    void takes_points_of_one_series_in_time_order_whatever_order_they_came_in() {
        List<MetricPoint> export = List.of(cumulative(100, 3_000, "30"), cumulative(100, 2_000, "20"),
                cumulative(100, 1_000, "10"));

        PointIncreases.Resolved resolved = PointIncreases.resolve(export, Map.of());

        assertThat(resolved.submissions()).extracting(PointIncreasesTest::count).containsExactly(10L, 10L, 10L);
        assertThat(resolved.changed()).containsExactly(Map.entry(StreamKeys.series(STREAM, 100),
                new SeriesState(3_000, new BigDecimal("30"))));
    }

    @Test
    void a_new_start_time_is_a_new_series_counted_whole() {
        Map<String, SeriesState> database = Map.of(StreamKeys.series(STREAM, 100),
                new SeriesState(2_000, new BigDecimal("1500")));

        PointIncreases.Resolved restarted = PointIncreases.resolve(List.of(cumulative(5_000, 6_000, "30")),
                database);

        assertThat(restarted.submissions()).extracting(PointIncreasesTest::count).containsExactly(30L);
    }

    @Test
    void a_delta_point_counts_its_value_and_a_resent_one_repeats_its_id() {
        MetricPoint delta = new MetricPoint(STREAM, false, 100, 1_000, new BigDecimal("7"), "here",
                PointIncreasesTest::outcome);

        Submission once = PointIncreases.resolve(List.of(delta), Map.of()).submissions().get(0);
        Submission again = PointIncreases.resolve(List.of(delta), Map.of()).submissions().get(0);

        assertThat(count(once)).isEqualTo(7L);
        assertThat(id(again)).isEqualTo(id(once)).startsWith("otlp-metric-");
        assertThat(PointIncreases.resolve(List.of(delta), Map.of()).changed()).isEmpty();
    }

    @Test
    void publishes_nothing_for_a_point_that_adds_nothing() {
        MetricPoint zero = new MetricPoint(STREAM, false, 100, 1_000, BigDecimal.ZERO, "here",
                PointIncreasesTest::outcome);

        assertThat(PointIncreases.resolve(List.of(zero), Map.of()).submissions()).isEmpty();
    }

    private static MetricPoint cumulative(long start, long time, String value) {
        return new MetricPoint(STREAM, true, start, time, new BigDecimal(value), "here", PointIncreasesTest::outcome);
    }

    private static Submission outcome(String id, BigDecimal increase, String location) {
        return new Submission.Outcome(new OutcomeSubmission(id, "commit", Instant.EPOCH, "otlp", null, null, null,
                null, null, null, null, List.of(), AiAssistance.NONE, increase.longValueExact()), location);
    }

    private static long count(Submission submission) {
        return ((Submission.Outcome) submission).outcome().count();
    }

    private static String id(Submission submission) {
        return ((Submission.Outcome) submission).outcome().id();
    }
}
