package dev.aispend.report.cfosummary;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class CfoForecastTest {

    @Test
    void forecasts_a_month_of_millions_of_dollars_without_overflow() {
        // Half of November elapsed (15 of 30 days), $5,000,000 spent: the month is forecast at twice that.
        CfoSummary.Forecast forecast = CfoSummaries.forecast(YearMonth.of(2026, 11),
                Instant.parse("2026-11-16T00:00:00Z"), 5_000_000_000_000L, 8_000_000_000_000L, 42);

        assertThat(forecast.monthUsdMicros()).isEqualTo(10_000_000_000_000L);
        assertThat(forecast.percentOfBudget()).isEqualTo("125.00");
    }
}
