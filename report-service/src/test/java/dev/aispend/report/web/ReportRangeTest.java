package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRangeTest {

    @Test
    void accepts_a_range_whose_ends_are_both_included() {
        ReportRange range = ReportRange.parse("2026-11-01", "2026-11-30", 366);

        assertThat(range.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void names_each_missing_or_malformed_parameter() {
        assertThatThrownBy(() -> ReportRange.parse(null, "2026-13-01", 366))
                .isInstanceOfSatisfying(ReportRange.InvalidRangeException.class, invalid ->
                        assertThat(invalid.errors()).extracting(FieldError::field)
                                .containsExactly("from", "to"));
    }

    @Test
    void refuses_a_reversed_range_and_one_longer_than_the_limit() {
        assertThatThrownBy(() -> ReportRange.parse("2026-11-02", "2026-11-01", 366))
                .hasMessage("invalid report range");
        assertThatThrownBy(() -> ReportRange.parse("2026-01-01", "2026-01-31", 30))
                .isInstanceOfSatisfying(ReportRange.InvalidRangeException.class, invalid ->
                        assertThat(invalid.errors().get(0).message()).contains("at most 30 days"));
    }

    @Test
    void accepts_the_first_day_of_the_calendar_and_refuses_days_beyond_four_digit_years() {
        assertThat(ReportRange.parse("0001-01-01", "0001-01-01", 366).from()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThatThrownBy(() -> ReportRange.parse("+100000-01-01", "+100000-01-02", 366))
                .isInstanceOfSatisfying(ReportRange.InvalidRangeException.class, invalid ->
                        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("from", "to"));
    }
}
