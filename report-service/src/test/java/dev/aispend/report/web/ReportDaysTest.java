package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDaysTest {

    @Test
    void neither_end_means_the_default_and_one_end_alone_is_named() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(ReportDays.parse(null, " ", 366, errors)).isNull();
        assertThat(errors).isEmpty();
        assertThat(ReportDays.parse("2026-10-01", null, 366, errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("to");
    }

    @Test
    void names_malformed_reversed_and_too_long_ranges() {
        List<FieldError> errors = new ArrayList<>();
        ReportDays.parse("2026-10-32", "x", 366, errors);
        ReportDays.parse("2026-10-02", "2026-10-01", 366, errors);
        ReportDays.parse("2026-01-01", "2026-12-31", 30, errors);

        assertThat(errors).extracting(FieldError::field).containsExactly("from", "to", "from", "to");
    }

    @Test
    void a_decision_dated_at_the_end_of_the_last_day_belongs_to_the_range_one_at_its_start_does_not() {
        ReportDays october = ReportDays.monthOf(LocalDate.of(2026, 10, 17));

        assertThat(october).isEqualTo(new ReportDays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(october.holds(Instant.parse("2026-11-01T00:00:00Z"))).isTrue();
        assertThat(october.holds(Instant.parse("2026-10-01T00:00:00Z"))).isFalse();
        assertThat(october.holds(Instant.parse("2026-10-01T00:00:00.001Z"))).isTrue();
        assertThat(october.holds(Instant.parse("2026-11-01T00:00:00.001Z"))).isFalse();
    }
}
