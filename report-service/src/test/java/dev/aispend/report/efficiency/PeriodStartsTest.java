package dev.aispend.report.efficiency;

import dev.aispend.report.query.Dimension;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodStartsTest {

    @Test
    void lists_every_month_the_range_touches_by_its_first_day() {
        assertThat(EfficiencyReports.periodStarts(Dimension.MONTH, LocalDate.of(2026, 10, 15),
                LocalDate.of(2026, 12, 1))).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1));
    }

    @Test
    void lists_every_iso_week_the_range_touches_by_its_monday() {
        // 2026-10-01 is a Thursday, 2026-10-12 a Monday.
        assertThat(EfficiencyReports.periodStarts(Dimension.WEEK, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 12))).containsExactly(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 12));
    }

    @Test
    void ends_at_the_last_representable_day_without_overflowing() {
        assertThat(EfficiencyReports.periodStarts(Dimension.MONTH, LocalDate.MAX.minusDays(40), LocalDate.MAX))
                .hasSize(2).last().isEqualTo(LocalDate.MAX.withDayOfMonth(1));
    }
}
