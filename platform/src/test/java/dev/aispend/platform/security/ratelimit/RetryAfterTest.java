package dev.aispend.platform.security.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    @Test
    void rounds_a_part_of_a_second_up_to_the_next_whole_second() {
        assertThat(RetryAfter.seconds(9_000_000_001L)).isEqualTo(10);
        assertThat(RetryAfter.seconds(9_999_999_999L)).isEqualTo(10);
        assertThat(RetryAfter.seconds(1_500_000_000L)).isEqualTo(2);
    }

    @Test
    void keeps_whole_seconds_as_they_are() {
        assertThat(RetryAfter.seconds(10_000_000_000L)).isEqualTo(10);
        assertThat(RetryAfter.seconds(1_000_000_000L)).isEqualTo(1);
    }

    @Test
    void never_says_to_retry_at_once_even_for_a_wait_of_a_nanosecond() {
        assertThat(RetryAfter.seconds(1)).isEqualTo(1);
        assertThat(RetryAfter.seconds(0)).isEqualTo(1);
    }

    @Test
    void does_not_overflow_on_the_longest_wait() {
        assertThat(RetryAfter.seconds(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 1_000_000_000L + 1);
    }
}
