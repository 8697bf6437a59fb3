package dev.aispend.report.budgets;

import dev.aispend.platform.budget.PeriodWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** linear-v1 with numbers worked by hand: October 2026 in UTC is 31 days, 2,678,400,000 ms. */
class BudgetForecastTest {
    private static final PeriodWindow OCTOBER = new PeriodWindow("2026-10", Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"));
    private static final Instant TENTH_DAY_OVER = Instant.parse("2026-10-11T00:00:00Z");
    private static final long AMOUNT = 1_000_000_000L;

    @Test
    void projects_when_the_rate_so_far_reaches_the_amount_in_the_period() {
        // 10 days elapsed (864,000,000 ms), 40 % spent: ceil(864e6 × 1e9 / 4e8) = 2,160,000,000 ms = 25 days.
        BudgetForecast forecast = BudgetForecast.of(OCTOBER, TENTH_DAY_OVER, 400_000_000L, AMOUNT);

        assertThat(forecast.outcome()).isEqualTo("PROJECTED");
        assertThat(forecast.elapsedMillis()).isEqualTo(864_000_000L);
        assertThat(forecast.periodLengthMillis()).isEqualTo(2_678_400_000L);
        assertThat(forecast.projectedExhaustionAt()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        assertThat(forecast.method()).isEqualTo("linear-v1");
    }

    @Test
    void rounds_the_projection_up_to_the_next_millisecond() {
        // 864e15 / 7e8 = 1,234,285,714.28... -> 1,234,285,715 ms = 14 d 6 h 51 min 25.715 s.
        BudgetForecast forecast = BudgetForecast.of(OCTOBER, TENTH_DAY_OVER, 700_000_000L, AMOUNT);

        assertThat(forecast.projectedExhaustionAt()).isEqualTo(Instant.parse("2026-10-15T06:51:25.715Z"));
    }

    @Test
    void projects_the_period_end_when_the_rate_reaches_the_amount_exactly_then() {
        // 1 day of 31 elapsed, 1/31 of 31,000 spent: spent × length = amount × elapsed.
        BudgetForecast forecast = BudgetForecast.of(OCTOBER, Instant.parse("2026-10-02T00:00:00Z"), 1_000, 31_000);

        assertThat(forecast.outcome()).isEqualTo("PROJECTED");
        assertThat(forecast.projectedExhaustionAt()).isEqualTo(OCTOBER.end());
        assertThat(BudgetForecast.of(OCTOBER, Instant.parse("2026-10-02T00:00:00Z"), 999, 31_000).outcome())
                .isEqualTo("BELOW_RATE");
    }

    @Test
    void says_why_there_is_no_date() {
        // 30 % after 10 days: 3e8 × 2,678.4e6 = 8.0352e17 < 1e9 × 864e6 = 8.64e17.
        assertThat(BudgetForecast.of(OCTOBER, TENTH_DAY_OVER, 300_000_000L, AMOUNT).outcome()).isEqualTo("BELOW_RATE");
        assertThat(BudgetForecast.of(OCTOBER, Instant.parse("2026-10-01T23:59:59.999Z"), 900_000_000L, AMOUNT)
                .outcome()).isEqualTo("TOO_EARLY");
        assertThat(BudgetForecast.of(OCTOBER, Instant.parse("2026-10-02T00:00:00Z"), 900_000_000L, AMOUNT)
                .outcome()).isEqualTo("PROJECTED");
        assertThat(BudgetForecast.of(OCTOBER, TENTH_DAY_OVER, 0, AMOUNT).outcome()).isEqualTo("NO_SPEND");
        assertThat(BudgetForecast.of(OCTOBER, TENTH_DAY_OVER, AMOUNT, AMOUNT).outcome()).isEqualTo("EXHAUSTED");
        assertThat(BudgetForecast.of(OCTOBER, OCTOBER.end(), 1, AMOUNT).outcome())
                .isEqualTo("CLOCK_OUTSIDE_PERIOD");
        assertThat(BudgetForecast.of(OCTOBER, null, 1, AMOUNT).outcome()).isEqualTo("NO_LEDGER_CLOCK");
        assertThat(BudgetForecast.retired(OCTOBER, TENTH_DAY_OVER).projectedExhaustionAt()).isNull();
    }
}
