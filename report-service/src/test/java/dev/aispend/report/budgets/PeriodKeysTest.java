package dev.aispend.report.budgets;

import dev.aispend.platform.budget.BudgetPeriod;
import dev.aispend.platform.budget.PeriodUnit;
import dev.aispend.platform.budget.PeriodWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodKeysTest {

    @Test
    void reads_month_quarter_and_year_keys() {
        assertThat(PeriodKeys.firstDay("2026-10")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(PeriodKeys.firstDay("2026-Q4")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(PeriodKeys.firstDay("2026-Q1")).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(PeriodKeys.firstDay("2026")).isEqualTo(LocalDate.of(2026, 1, 1));
        for (String bad : new String[]{"2026-13", "2026-00", "2026-Q5", "26-10", "2026-1", "0000", "2026-10-01",
                "october", ""}) {
            assertThat(PeriodKeys.firstDay(bad)).as(bad).isNull();
        }
    }

    @Test
    void answers_each_budgets_own_period_containing_the_asked_ones_first_day_in_its_zone() {
        PeriodWindow berlin = PeriodKeys.windowOf(new BudgetPeriod(PeriodUnit.MONTH, "Europe/Berlin"),
                LocalDate.of(2026, 10, 1));
        assertThat(berlin).isEqualTo(new PeriodWindow("2026-10", Instant.parse("2026-09-30T22:00:00Z"),
                Instant.parse("2026-10-31T23:00:00Z")));
        assertThat(PeriodKeys.windowOf(new BudgetPeriod(PeriodUnit.QUARTER, "UTC"), LocalDate.of(2026, 11, 1)).key())
                .isEqualTo("2026-Q4");
        assertThat(PeriodKeys.windowOf(new BudgetPeriod(PeriodUnit.MONTH, "UTC"), PeriodKeys.firstDay("2026-Q4"))
                .key()).isEqualTo("2026-10");
        assertThat(PeriodKeys.windowOf(new BudgetPeriod(PeriodUnit.YEAR, "UTC"), LocalDate.of(2026, 10, 1)).key())
                .isEqualTo("2026");
    }
}
