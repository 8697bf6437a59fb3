package dev.aispend.ingest.source.otlp.mapping;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class NumbersTest {

    @Test
    void refuses_a_decimal_string_with_a_huge_exponent_before_any_arithmetic() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThatThrownBy(() -> Numbers.decimal("1e20000000", "cost_usd")).isInstanceOf(Refusal.class)
                    .hasMessageStartingWith("cost_usd must be a number");
            assertThatThrownBy(() -> Numbers.decimal("1e-20000000", "cost_usd")).isInstanceOf(Refusal.class);
        });
        assertThat(Numbers.decimal("0.0123", "cost_usd")).isEqualByComparingTo("0.0123");
    }
}
