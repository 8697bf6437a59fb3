package dev.aispend.contracts.usage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCountsTest {

    @Test
    void totals_every_token_type() {
        assertThat(new TokenCounts(1, 2, 3, 4, 5, 6).totalTokens()).isEqualTo(21);
    }

    @Test
    void adds_type_by_type() {
        assertThat(new TokenCounts(1, 2, 3, 4, 5, 6).plus(new TokenCounts(10, 20, 30, 40, 50, 60)))
                .isEqualTo(new TokenCounts(11, 22, 33, 44, 55, 66));
    }

    @Test
    void rejects_a_negative_count_naming_the_field() {
        assertThatThrownBy(() -> new TokenCounts(0, 0, -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cacheReadTokens");
    }

    @Test
    void refuses_to_wrap_on_overflow() {
        assertThatThrownBy(() -> new TokenCounts(Long.MAX_VALUE, 1, 0, 0, 0, 0).totalTokens())
                .isInstanceOf(ArithmeticException.class);
    }
}
