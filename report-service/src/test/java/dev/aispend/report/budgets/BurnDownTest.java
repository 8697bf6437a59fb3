package dev.aispend.report.budgets;

import dev.aispend.platform.budget.PeriodWindow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BurnDownTest {
    private static final PeriodWindow OCTOBER = new PeriodWindow("2026-10", Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void runs_from_the_first_day_through_the_ledger_clocks_day() {
        List<BudgetReport.Day> series = BurnDown.series(OCTOBER, ZoneOffset.UTC,
                Instant.parse("2026-10-03T12:00:00Z"), Map.of(LocalDate.of(2026, 10, 1), 100L,
                        LocalDate.of(2026, 10, 3), 50L), 1_000);

        assertThat(series).containsExactly(
                new BudgetReport.Day(LocalDate.of(2026, 10, 1), 100, 100, 900),
                new BudgetReport.Day(LocalDate.of(2026, 10, 2), 0, 100, 900),
                new BudgetReport.Day(LocalDate.of(2026, 10, 3), 50, 150, 850));
    }

    @Test
    void covers_the_whole_period_once_the_clock_left_it_and_shows_overspend_as_negative() {
        List<BudgetReport.Day> series = BurnDown.series(OCTOBER, ZoneOffset.UTC,
                Instant.parse("2026-11-05T00:00:00Z"), Map.of(LocalDate.of(2026, 10, 31), 1_200L), 1_000);

        assertThat(series).hasSize(31);
        assertThat(series.get(30)).isEqualTo(new BudgetReport.Day(LocalDate.of(2026, 10, 31), 1_200, 1_200, -200));
    }

    @Test
    void has_no_days_before_the_period_begins_unless_something_was_counted() {
        assertThat(BurnDown.series(OCTOBER, ZoneOffset.UTC, Instant.parse("2026-09-30T00:00:00Z"), Map.of(), 1))
                .isEmpty();
    }

    @Test
    void counts_local_days_in_the_budgets_zone() {
        // October 2026 in Berlin: from 2026-09-30T22:00Z (CEST) to 2026-10-31T23:00Z (CET).
        PeriodWindow berlin = new PeriodWindow("2026-10", Instant.parse("2026-09-30T22:00:00Z"),
                Instant.parse("2026-10-31T23:00:00Z"));
        List<BudgetReport.Day> series = BurnDown.series(berlin, ZoneId.of("Europe/Berlin"),
                Instant.parse("2026-09-30T22:30:00Z"), Map.of(LocalDate.of(2026, 10, 1), 7L), 10);

        assertThat(series).containsExactly(new BudgetReport.Day(LocalDate.of(2026, 10, 1), 7, 7, 3));
    }

    @Test
    void rounds_the_percent_used_down_to_two_decimals() {
        assertThat(BurnDown.percentUsed(1, 3)).isEqualByComparingTo(new BigDecimal("33.33"));
        assertThat(BurnDown.percentUsed(2, 3)).isEqualByComparingTo(new BigDecimal("66.66"));
        assertThat(BurnDown.percentUsed(799_999, 1_000_000)).isEqualByComparingTo(new BigDecimal("79.99"));
        assertThat(BurnDown.percentUsed(800_000, 1_000_000).toPlainString()).isEqualTo("80.00");
        assertThat(BurnDown.percentUsed(-1, 300)).isEqualByComparingTo(new BigDecimal("-0.34"));
    }
}
