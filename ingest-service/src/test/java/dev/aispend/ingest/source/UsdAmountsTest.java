package dev.aispend.ingest.source;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class UsdAmountsTest {
    /** Multiplying 1e20000000 took 11 s before the bounds; refused, it takes microseconds. */
    private static final Duration FAST = Duration.ofSeconds(1);

    @Test
    void refuses_amounts_with_a_huge_exponent_before_any_arithmetic() {
        assertTimeoutPreemptively(FAST, () -> {
            assertThat(UsdAmounts.dollarsToMicros("1e20000000")).isNull();
            assertThat(UsdAmounts.dollarsToMicros("1e-20000000")).isNull();
            assertThat(UsdAmounts.dollarsToMicros("1e999999999")).isNull();
            assertThat(UsdAmounts.centsToMicros(new BigDecimal("1e20000000"))).isNull();
            assertThat(UsdAmounts.centsToMicros(new BigDecimal("1e-20000000"))).isNull();
        });
    }

    @Test
    void refuses_infinite_and_not_a_number_amounts() {
        assertThat(UsdAmounts.dollarsToMicros(Double.POSITIVE_INFINITY)).isNull();
        assertThat(UsdAmounts.dollarsToMicros(Float.NaN)).isNull();
        assertThat(UsdAmounts.dollarsToMicros("Infinity")).isNull();
    }

    @Test
    void keeps_a_cost_computed_in_floating_point_with_many_fraction_digits() {
        // 17 significant digits, 21 after the point: what a client's price x tokens in doubles looks like.
        assertThat(UsdAmounts.dollarsToMicros(5.1000000000000004E-5)).isEqualTo(51L);
        assertThat(UsdAmounts.dollarsToMicros(0.1)).isEqualTo(100_000L);
        assertThat(UsdAmounts.centsToMicros("123.45")).isEqualTo(1_234_500L);
        assertThat(UsdAmounts.dollarsToMicros("0E-20000000")).isEqualTo(0L);
    }
}
