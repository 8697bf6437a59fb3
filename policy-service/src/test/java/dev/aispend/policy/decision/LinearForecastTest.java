package dev.aispend.policy.decision;

import dev.aispend.platform.budget.PeriodWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Method linear-v1 at its edges: the first 24 hours, a projection exactly at the end, spend at the amount. */
class LinearForecastTest {
    /** November 2026 in UTC: 30 days, 2,592,000,000 ms. */
    private static final PeriodWindow NOVEMBER = new PeriodWindow("2026-11", Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));
    private static final Instant DAY_ONE = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void holds_from_exactly_24_hours_into_the_period() {
        assertThat(LinearForecast.projectedExhaustion(NOVEMBER, DAY_ONE.minusMillis(1), 999_999, 1_000_000))
                .isEmpty();
        assertThat(LinearForecast.projectedExhaustion(NOVEMBER, DAY_ONE, 100_000, 3_000_000))
                .contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void holds_when_the_projection_reaches_the_amount_exactly_at_the_end_and_not_one_micro_short() {
        // One day of thirty: 1/30 of the amount projects exactly to the amount.
        assertThat(LinearForecast.projectedExhaustion(NOVEMBER, DAY_ONE, 100_000, 3_000_000))
                .contains(NOVEMBER.end());
        assertThat(LinearForecast.projectedExhaustion(NOVEMBER, DAY_ONE, 99_999, 3_000_000)).isEmpty();
    }

    @Test
    void rounds_the_projected_instant_up_to_the_next_millisecond() {
        // 86,400,000 ms × 1,000,000 / 300,001 = 287,999,040.003... ms
        assertThat(LinearForecast.projectedExhaustion(NOVEMBER, DAY_ONE, 300_001, 1_000_000))
                .contains(NOVEMBER.start().plusMillis(287_999_041));
    }

    @Test
    void does_not_hold_for_spend_at_the_amount_for_no_spend_or_outside_the_period() {
        assertThat(LinearForecast.holds(NOVEMBER, DAY_ONE, 1_000_000, 1_000_000)).isFalse();
        assertThat(LinearForecast.holds(NOVEMBER, DAY_ONE, 0, 1_000_000)).isFalse();
        assertThat(LinearForecast.holds(NOVEMBER, DAY_ONE, -5, 1_000_000)).isFalse();
        assertThat(LinearForecast.holds(NOVEMBER, NOVEMBER.end(), 999_999, 1_000_000)).isFalse();
    }

    @Test
    void computes_exactly_at_the_largest_amount_over_a_year() {
        PeriodWindow year = new PeriodWindow("2028", Instant.parse("2028-01-01T00:00:00Z"),
                Instant.parse("2029-01-01T00:00:00Z"));
        long amount = 1_000_000_000_000_000L;

        assertThat(LinearForecast.projectedExhaustion(year, year.end().minusMillis(1), amount - 1, amount))
                .contains(year.end());
    }

    @Test
    void a_tally_that_would_overflow_throws_rather_than_wrap() {
        PeriodTally tally = new PeriodTally("2026-11", NOVEMBER.start(), NOVEMBER.end(), Long.MAX_VALUE - 1, 7,
                List.of(), false, false);

        assertThatThrownBy(() -> tally.plus(2, 8)).isInstanceOf(ArithmeticException.class);
    }
}
