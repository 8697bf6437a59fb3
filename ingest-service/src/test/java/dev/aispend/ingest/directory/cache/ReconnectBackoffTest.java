package dev.aispend.ingest.directory.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectBackoffTest {

    @Test
    void doubles_the_wait_up_to_its_bound_and_starts_over_once_reset() {
        ReconnectBackoff backoff = new ReconnectBackoff();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(backoff.next()).isLessThanOrEqualTo(ReconnectBackoff.LONGEST);
        }
        assertThat(backoff.peek()).isEqualTo(ReconnectBackoff.LONGEST);

        backoff.reset();
        assertThat(backoff.next()).isEqualTo(ReconnectBackoff.FIRST);
    }
}
