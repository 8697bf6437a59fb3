package dev.aispend.platform.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Period windows in a zone: local midnight, daylight saving, a month that begins inside a DST gap. */
class BudgetPeriodTest {

    @Test
    void a_berlin_month_starts_at_local_midnight() {
        PeriodWindow window = new BudgetPeriod(PeriodUnit.MONTH, "Europe/Berlin")
                .windowOf(Instant.parse("2026-10-31T23:30:00Z"));

        assertThat(window).isEqualTo(new PeriodWindow("2026-11", Instant.parse("2026-10-31T23:00:00Z"),
                Instant.parse("2026-11-30T23:00:00Z")));
    }

    @Test
    void a_new_york_quarter_across_the_march_change_is_one_hour_short() {
        PeriodWindow quarter = new BudgetPeriod(PeriodUnit.QUARTER, "America/New_York")
                .windowOf(Instant.parse("2026-02-10T12:00:00Z"));

        assertThat(quarter).isEqualTo(new PeriodWindow("2026-Q1", Instant.parse("2026-01-01T05:00:00Z"),
                Instant.parse("2026-04-01T04:00:00Z")));
        assertThat(Duration.between(quarter.start(), quarter.end())).isEqualTo(Duration.ofDays(90).minusHours(1));
    }

    @Test
    void a_new_york_november_is_one_hour_long() {
        PeriodWindow november = new BudgetPeriod(PeriodUnit.MONTH, "America/New_York")
                .windowOf(Instant.parse("2026-11-01T04:00:00Z"));

        assertThat(november.key()).isEqualTo("2026-11");
        assertThat(Duration.between(november.start(), november.end())).isEqualTo(Duration.ofDays(30).plusHours(1));
        assertThat(november.contains(Instant.parse("2026-11-01T03:59:59.999Z"))).isFalse();
    }

    @Test
    void a_month_whose_midnight_falls_in_a_daylight_saving_gap_starts_at_the_first_valid_instant() {
        // Asuncion moved its clocks from 00:00 to 01:00 on 2017-10-01: that midnight never happened.
        BudgetPeriod period = new BudgetPeriod(PeriodUnit.MONTH, "America/Asuncion");

        assertThat(period.windowOf(Instant.parse("2017-10-01T03:59:59Z")).key()).isEqualTo("2017-09");
        PeriodWindow october = period.windowOf(Instant.parse("2017-10-01T04:00:00Z"));
        assertThat(october.key()).isEqualTo("2017-10");
        assertThat(october.start()).isEqualTo(Instant.parse("2017-10-01T04:00:00Z"));
    }

    @Test
    void keys_name_the_month_quarter_and_year() {
        Instant instant = Instant.parse("2026-08-15T00:00:00Z");

        assertThat(new BudgetPeriod(PeriodUnit.MONTH, "UTC").windowOf(instant).key()).isEqualTo("2026-08");
        assertThat(new BudgetPeriod(PeriodUnit.QUARTER, "UTC").windowOf(instant).key()).isEqualTo("2026-Q3");
        assertThat(new BudgetPeriod(PeriodUnit.YEAR, "UTC").windowOf(instant).key()).isEqualTo("2026");
    }

    @Test
    void refuses_a_raw_offset() {
        assertThatThrownBy(() -> new BudgetPeriod(PeriodUnit.MONTH, "+02:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
