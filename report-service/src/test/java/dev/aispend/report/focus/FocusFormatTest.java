package dev.aispend.report.focus;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FocusFormatTest {

    @Test
    void money_is_usd_with_six_decimals_from_micros() {
        assertThat(FocusFormat.usd(2_500)).isEqualTo("0.002500");
        assertThat(FocusFormat.usd(0)).isEqualTo("0.000000");
        assertThat(FocusFormat.usd(-1)).isEqualTo("-0.000001");
        assertThat(FocusFormat.usd(123_456_789)).isEqualTo("123.456789");
        assertThat(FocusFormat.usd(Long.MAX_VALUE)).isEqualTo("9223372036854.775807");
    }

    @Test
    void quantities_in_millions_of_tokens_are_exact_and_never_scientific() {
        assertThat(FocusFormat.millionsOf(1_500)).isEqualTo("0.001500");
        assertThat(FocusFormat.millionsOf(10_000_000)).isEqualTo("10.000000");
        assertThat(FocusFormat.millionsOf(-7)).isEqualTo("-0.000007");
    }

    @Test
    void dates_are_utc_instants_with_seconds_and_z() {
        assertThat(FocusFormat.startOf(LocalDate.of(2026, 9, 1))).isEqualTo("2026-09-01T00:00:00Z");
        assertThat(FocusFormat.startOf(LocalDate.of(2026, 12, 31).plusDays(1))).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void tags_are_a_json_object_with_sorted_keys_and_no_nulls() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "platform");
        tags.put("costCenter", null);
        tags.put("purpose", "say \"hi\", then \\ leave");

        assertThat(FocusFormat.tags(tags))
                .isEqualTo("{\"purpose\":\"say \\\"hi\\\", then \\\\ leave\",\"team\":\"platform\"}");
    }

    @Test
    void tags_without_any_value_are_null_not_an_empty_object() {
        Map<String, String> tags = new HashMap<>();
        tags.put("costCenter", null);

        assertThat(FocusFormat.tags(tags)).isNull();
    }
}
