package dev.aispend.platform.budget;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aispend.platform.web.FieldError;
import dev.aispend.testsupport.ledger.TestLedger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Budget content: defaults, the canonical form, and every problem named by its JSON path at once. */
class BudgetContentTest {

    @Test
    void parses_the_documented_example() {
        BudgetDefinition definition = BudgetContent.parse(example());

        assertThat(definition).isEqualTo(new BudgetDefinition("Platform monthly",
                new BudgetScope(null, "platform", null, null, null), new BudgetPeriod(PeriodUnit.MONTH,
                "Europe/Berlin"), 5_000_000_000L, List.of(50, 80, 100), true, true, true));
    }

    @Test
    void fills_in_the_defaults_and_writes_them_out_in_a_fixed_order() {
        Map<String, Object> minimal = new HashMap<>();
        minimal.put("amountUsdMicros", 1_000);
        minimal.put("period", Map.of("unit", "YEAR"));
        minimal.put("scope", Map.of());
        minimal.put("name", "Everything");

        Map<String, Object> canonical = BudgetContent.toContent(BudgetContent.parse(minimal));

        assertThat(canonical).containsExactly(Map.entry("name", "Everything"), Map.entry("scope", Map.of()),
                Map.entry("period", Map.of("unit", "YEAR", "timeZone", "UTC")),
                Map.entry("amountUsdMicros", 1_000L), Map.entry("softThresholdsPercent", List.of()),
                Map.entry("hardCap", false), Map.entry("forecastAlert", false), Map.entry("active", true));
        assertThat(canonical.get("period")).isInstanceOf(LinkedHashMap.class);
    }

    @Test
    void reads_its_canonical_content_back_also_after_a_json_round_trip() throws IOException {
        BudgetDefinition full = BudgetContent.parse(example());
        BudgetDefinition narrow = new BudgetDefinition("Reviews on opus", new BudgetScope("cc-7", "platform",
                "prs_1", "review", "claude-opus-4-1"), new BudgetPeriod(PeriodUnit.QUARTER, "America/New_York"),
                BudgetDefinition.MAX_AMOUNT_USD_MICROS, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), false, true, false);

        for (BudgetDefinition definition : List.of(full, narrow)) {
            Map<String, Object> content = BudgetContent.toContent(definition);
            Map<String, Object> decoded = TestLedger.JACKSON.readValue(TestLedger.json(content),
                    new TypeReference<Map<String, Object>>() { });
            assertThat(BudgetContent.parse(content)).isEqualTo(definition);
            assertThat(BudgetContent.parse(decoded)).isEqualTo(definition);
            assertThat(decoded.get("scope")).isEqualTo(content.get("scope"));
        }
    }

    @Test
    void accepts_exact_numbers_of_every_decoded_type() {
        for (Object amount : List.of(5_000, 5_000L, BigInteger.valueOf(5_000), new BigDecimal("5000.000"),
                5_000.0)) {
            Map<String, Object> content = example();
            content.put("amountUsdMicros", amount);
            content.put("softThresholdsPercent", List.of(50L, BigInteger.valueOf(80), new BigDecimal("1E+2")));
            assertThat(BudgetContent.parse(content).amountUsdMicros()).isEqualTo(5_000);
        }
    }

    @Test
    void refuses_amounts_that_are_not_whole_in_range_json_numbers() {
        assertThat(amountProblem(0)).isEqualTo("must be within 1..1000000000000000, was 0");
        assertThat(amountProblem(BudgetDefinition.MAX_AMOUNT_USD_MICROS + 1)).startsWith("must be within");
        assertThat(amountProblem(new BigInteger("100000000000000000000000"))).startsWith("must be within");
        assertThat(amountProblem(new BigDecimal("1500.5")))
                .isEqualTo("must be a whole number of USD micros, was 1500.5");
        assertThat(amountProblem(new BigDecimal("1E+1000000000"))).endsWith("was 1E+1000000000");
        assertThat(amountProblem(0.5)).startsWith("must be a whole number");
        assertThat(amountProblem("5000")).isEqualTo("must be a JSON number (USD micros)");
        assertThat(amountProblem(true)).isEqualTo("must be a JSON number (USD micros)");
        assertThat(amountProblem(null)).isEqualTo("must be a JSON number (USD micros)");
        assertThat(amountProblem(Double.NaN)).isEqualTo("must be a JSON number (USD micros)");
    }

    @Test
    void names_every_problem_by_its_json_path_at_once() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", " Platform");
        content.put("scope", new LinkedHashMap<>(Map.of("team", 7)));
        content.put("period", Map.of("unit", "month", "timeZone", "+02:00"));
        content.put("softThresholdsPercent", Arrays.asList(50, 50, 101, 30.5, "80", null, 60, 55));
        content.put("hardCap", "yes");
        content.put("forecastAlert", null);
        content.put("colour", "red");

        InvalidBudgetException invalid = catchThrowableOfType(() -> BudgetContent.parse(content),
                InvalidBudgetException.class);

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("colour", "name",
                "scope.team", "period.unit", "period.timeZone", "amountUsdMicros", "softThresholdsPercent[1]",
                "softThresholdsPercent[2]", "softThresholdsPercent[3]", "softThresholdsPercent[4]",
                "softThresholdsPercent[5]", "softThresholdsPercent[7]", "hardCap", "forecastAlert");
        assertThat(invalid.errors()).contains(
                new FieldError("softThresholdsPercent[1]",
                        "must be greater than every threshold before it (ascending, distinct), was 50"),
                new FieldError("softThresholdsPercent[2]", "must be within 1..100, was 101"),
                new FieldError("name", "must not start or end with whitespace"),
                new FieldError("amountUsdMicros", "is required: the budget in integer USD micros"));
        assertThat(invalid).hasMessageContaining("period.timeZone: must be an IANA time zone region id");
    }

    @Test
    void refuses_unknown_fields_at_every_level_and_nulls_in_a_scope() {
        Map<String, Object> content = example();
        Map<String, Object> scope = new HashMap<>();
        scope.put("group", "x");
        scope.put("team", null);
        content.put("scope", scope);
        content.put("period", Map.of("unit", "MONTH", "start", "2026-11-01"));

        assertThat(fieldsOf(content)).containsExactlyInAnyOrder("scope.group", "scope.team", "period.start");
    }

    @Test
    void refuses_missing_parts_wrong_shapes_and_too_many_thresholds() {
        assertThat(fieldsOf(new HashMap<>())).containsExactlyInAnyOrder("name", "scope", "period",
                "amountUsdMicros");
        Map<String, Object> content = example();
        content.put("scope", List.of("platform"));
        content.put("period", Map.of("timeZone", "UTC"));
        content.put("softThresholdsPercent", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertThat(fieldsOf(content)).containsExactlyInAnyOrder("scope", "period.unit", "softThresholdsPercent");
        assertThatThrownBy(() -> BudgetContent.parse(null)).isInstanceOf(InvalidBudgetException.class);
    }

    @Test
    void accepts_region_ids_and_utc_but_not_offsets_or_other_spellings() {
        for (String zone : List.of("UTC", "Europe/Berlin", "America/New_York", "Etc/GMT-2", "Asia/Kolkata")) {
            Map<String, Object> content = example();
            content.put("period", Map.of("unit", "MONTH", "timeZone", zone));
            assertThat(BudgetContent.parse(content).period().timeZone()).isEqualTo(zone);
        }
        for (String zone : List.of("+02:00", "UTC+2", "GMT+02:00", "europe/berlin", "EST", "", "Mars/Olympus")) {
            Map<String, Object> content = example();
            content.put("period", Map.of("unit", "MONTH", "timeZone", zone));
            assertThat(fieldsOf(content)).as(zone).containsExactly("period.timeZone");
        }
    }

    @Test
    void refuses_names_with_control_characters_or_too_long() {
        Map<String, Object> content = example();
        content.put("name", "a\tb");
        content.put("scope", Map.of("team", "t".repeat(129)));
        assertThat(fieldsOf(content)).containsExactlyInAnyOrder("name", "scope.team");
    }

    @Test
    void caps_the_problems_it_reports() {
        Map<String, Object> content = example();
        for (int index = 0; index < 500; index++) {
            content.put("unknown" + index, index);
        }
        List<FieldError> errors = catchThrowableOfType(() -> BudgetContent.parse(content),
                InvalidBudgetException.class).errors();
        assertThat(errors).hasSize(101).last().isEqualTo(new FieldError(null, "400 more problems not shown"));
    }

    @Test
    void a_definition_refuses_what_the_parser_refuses() {
        BudgetScope scope = BudgetScope.ORGANIZATION;
        BudgetPeriod period = new BudgetPeriod(PeriodUnit.MONTH, "UTC");

        assertThatThrownBy(() -> new BudgetDefinition(" x", scope, period, 1, List.of(), false, false, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetDefinition("x", scope, period, BudgetDefinition.MAX_AMOUNT_USD_MICROS + 1,
                List.of(), false, false, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetDefinition("x", scope, period, 1, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11), false, false, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetDefinition("x", scope, period, 1, List.of(50, 50), false, false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String amountProblem(Object amount) {
        Map<String, Object> content = example();
        content.put("amountUsdMicros", amount);
        List<FieldError> errors = catchThrowableOfType(() -> BudgetContent.parse(content),
                InvalidBudgetException.class).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly("amountUsdMicros");
        return errors.get(0).message();
    }

    private static List<String> fieldsOf(Map<String, Object> content) {
        InvalidBudgetException invalid = catchThrowableOfType(() -> BudgetContent.parse(content),
                InvalidBudgetException.class);
        assertThat(invalid).isNotNull();
        return new ArrayList<>(invalid.errors().stream().map(FieldError::field).toList());
    }

    private static Map<String, Object> example() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", "Platform monthly");
        content.put("scope", Map.of("team", "platform"));
        content.put("period", Map.of("unit", "MONTH", "timeZone", "Europe/Berlin"));
        content.put("amountUsdMicros", 5_000_000_000L);
        content.put("softThresholdsPercent", List.of(50, 80, 100));
        content.put("hardCap", true);
        content.put("forecastAlert", true);
        content.put("active", true);
        return content;
    }
}
