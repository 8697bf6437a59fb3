package dev.aispend.platform.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=", "-1500"})
    void puts_a_single_quote_before_text_a_spreadsheet_would_run_as_a_formula(String text) {
        assertThat(CsvCells.text(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "claude-sonnet-4-5", "a=b", "x-1", "finance@example.com", " =1", "'quoted",
            "{\"team\":\"=x\"}", ""})
    void leaves_text_alone_that_does_not_start_a_formula(String text) {
        assertThat(CsvCells.text(text)).isEqualTo(text);
    }

    @Test
    void leaves_an_absent_value_absent() {
        assertThat(CsvCells.text(null)).isNull();
        assertThat(CsvCells.cell(null)).isNull();
    }

    @Test
    void writes_negative_figures_as_numbers_because_the_column_type_decides_not_the_value() {
        assertThat(CsvCells.cell(-1500L)).isEqualTo("-1500");
        assertThat(CsvCells.cell(-3)).isEqualTo("-3");
        assertThat(CsvCells.cell(new BigDecimal("-0.50"))).isEqualTo("-0.50");
        assertThat(CsvCells.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CsvCells.cell(false)).isEqualTo("false");
    }

    @Test
    void writes_dates_and_instants_as_they_are() {
        assertThat(CsvCells.cell(LocalDate.parse("2026-11-01"))).isEqualTo("2026-11-01");
        assertThat(CsvCells.cell(YearMonth.parse("2026-11"))).isEqualTo("2026-11");
        assertThat(CsvCells.cell(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo("2026-11-01T00:00:00Z");
    }

    @Test
    void treats_every_other_value_as_text_even_when_it_looks_like_a_number() {
        assertThat(CsvCells.cell("-1500")).isEqualTo("'-1500");
        assertThat(CsvCells.cell("@team")).isEqualTo("'@team");
        assertThat(CsvCells.cell(Thread.State.NEW)).isEqualTo("NEW");
    }
}
