package dev.aispend.ingest.source.otlp;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportTurnsTest {
    private final ExportTurns oneTurnNoWait = new ExportTurns(new OtlpConfiguration("metrics", "traces", 10, 1,
            Duration.ZERO));

    @Test
    void an_export_finding_every_turn_taken_is_refused_as_busy_and_the_turn_comes_back_after() {
        String outcome = oneTurnNoWait.take(() -> {
            assertThatThrownBy(() -> oneTurnNoWait.take(() -> "second")).isInstanceOf(OtlpBusyException.class)
                    .hasMessageContaining("stayed taken");
            return "first";
        });

        assertThat(outcome).isEqualTo("first");
        assertThat(oneTurnNoWait.take(() -> "third")).isEqualTo("third");
    }

    @Test
    void a_failed_export_gives_its_turn_back() {
        assertThatThrownBy(() -> oneTurnNoWait.take(() -> {
            throw new IllegalStateException("bad export");
        })).hasMessage("bad export");

        assertThat(oneTurnNoWait.take(() -> "next")).isEqualTo("next");
    }
}
