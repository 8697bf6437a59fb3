package dev.aispend.platform.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void doubles_the_delay_after_each_failure() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void never_waits_longer_than_the_maximum_even_after_many_failures() {
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejects_a_maximum_below_the_initial_delay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
