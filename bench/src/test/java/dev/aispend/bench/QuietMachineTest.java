package dev.aispend.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietMachineTest {

    @Test
    void counts_idle_and_iowait_ticks_as_not_busy() {
        long[] before = QuietMachine.parse("cpu  100 0 50 800 50 0 0 0 0 0");
        long[] after = QuietMachine.parse("cpu  130 0 60 950 60 0 0 0 0 0");

        assertThat(QuietMachine.busyShare(before, after)).isEqualTo(40 / 200.0);
        assertThat(QuietMachine.busyShare(after, after)).isZero();
    }

    @Test
    void refuses_a_line_that_is_not_the_aggregate_cpu_line() {
        assertThatThrownBy(() -> QuietMachine.parse("cpu0 1 2 3 4 5 6 7 8")).isInstanceOf(IllegalArgumentException.class);
    }
}
