package dev.aispend.ledger.replay;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayProgressTest {
    private static final Instant STARTED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void counts_from_the_start_of_the_range_and_rates_over_the_time_it_ran() {
        ReplayProgress progress = ReplayProgress.of("r1", "t", 101, 300, 150, ReplayState.RUNNING, STARTED, null,
                null, STARTED.plusSeconds(4));

        assertThat(progress.total()).isEqualTo(200);
        assertThat(progress.published()).isEqualTo(50);
        assertThat(progress.entriesPerSecond()).isEqualTo(12.5);
    }

    @Test
    void rates_a_finished_replay_up_to_when_it_finished_and_nothing_published_as_zero() {
        ReplayProgress finished = ReplayProgress.of("r2", "t", 1, 10, 10, ReplayState.COMPLETED, STARTED,
                STARTED.plusSeconds(2), null, STARTED.plusSeconds(3600));

        assertThat(finished.entriesPerSecond()).isEqualTo(5.0);
        assertThat(ReplayProgress.entriesPerSecond(0, STARTED, STARTED.plusSeconds(1))).isZero();
        assertThat(ReplayProgress.entriesPerSecond(10, null, STARTED)).isZero();
    }
}
