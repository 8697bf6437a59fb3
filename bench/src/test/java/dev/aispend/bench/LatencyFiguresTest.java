package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyFiguresTest {

    @Test
    void takes_the_nearest_rank_of_a_hundred_latencies() {
        long[] nanos = LongStream.rangeClosed(1, 100).map(millis -> millis * 1_000_000).toArray();

        assertThat(LatencyFigures.millis(nanos)).containsEntry("count", 100).containsEntry("p50Millis", 50.0)
                .containsEntry("p90Millis", 90.0).containsEntry("p99Millis", 99.0).containsEntry("maxMillis", 100.0);
    }

    @Test
    void does_not_reorder_the_callers_array_and_gives_nothing_for_no_latencies() {
        long[] nanos = {3_000_000, 1_000_000};

        assertThat(LatencyFigures.millis(nanos)).containsEntry("p50Millis", 1.0);
        assertThat(nanos).containsExactly(3_000_000, 1_000_000);
        assertThat(LatencyFigures.millis(new long[0])).isEmpty();
    }
}
