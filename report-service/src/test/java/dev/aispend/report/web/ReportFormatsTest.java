package dev.aispend.report.web;

import dev.aispend.report.support.ReportAnswers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatsTest {

    @Test
    void writes_text_that_would_run_as_a_formula_with_a_quote_before_it_and_figures_as_they_are()
            throws IOException {
        CsvTable table = new CsvTable(List.of("day", "model", "team", "costUsdMicros", "share", "suppressed"),
                List.of(Arrays.asList(LocalDate.parse("2026-09-01"), "=HYPERLINK(\"http://x\")", "@team", -1500L,
                        CsvTable.number("-0.2500"), false)));

        List<Map<String, String>> rows = ReportAnswers.csv(ReportFormats.csv(table));

        assertThat(rows).containsExactly(Map.of("day", "2026-09-01", "model", "'=HYPERLINK(\"http://x\")",
                "team", "'@team", "costUsdMicros", "-1500", "share", "-0.2500", "suppressed", "false"));
    }

    @Test
    void keeps_a_decimal_the_json_carries_as_a_string_in_plain_notation() {
        assertThat(CsvTable.number("1.40")).isEqualByComparingTo(new BigDecimal("1.40"));
        assertThat(ReportFormats.csv(new CsvTable(List.of("ratio"), List.of(Arrays.asList(
                (Object) CsvTable.number("1000.0000")))))).isEqualTo("ratio\n1000.0000\n");
        assertThat(CsvTable.number(null)).isNull();
    }
}
