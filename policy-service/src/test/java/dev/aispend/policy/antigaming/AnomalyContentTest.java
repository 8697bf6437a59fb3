package dev.aispend.policy.antigaming;

import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.activity.ContentJson;
import dev.aispend.policy.activity.InvalidRuleException;
import dev.aispend.policy.activity.RuleWindow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Anomaly rule content: every default, every field's bounds, the off-hours, and every problem named at once. */
class AnomalyContentTest {

    @Test
    void fills_in_every_default_in_a_fixed_order() {
        AnomalyDefinition definition = AnomalyContent.parse(Map.of("name", "Loops", "rule",
                "OVERNIGHT_IDLE_LOOP"));

        assertThat(definition).isEqualTo(new AnomalyDefinition("Loops", AnomalyKind.OVERNIGHT_IDLE_LOOP,
                RuleWindow.ISO_WEEK, 20_000_000, 300, 1, LocalTime.of(22, 0), LocalTime.of(6, 0), 20, 3, 2, 20,
                ZoneId.of("UTC"), true));
        Map<String, Object> canonical = AnomalyContent.toContent(definition);
        assertThat(canonical.keySet()).containsExactly("name", "rule", "window", "minimumSpendUsdMicros",
                "multiplePercent", "minimumMergedPrs", "offHours", "minimumOffHoursCalls", "minimumOffHoursHours",
                "minimumNights", "minimumCalls", "timeZone", "active");
        assertThat(canonical.get("offHours")).isEqualTo(Map.of("from", "22:00", "to", "06:00"));
    }

    @Test
    void reads_its_canonical_content_back_also_after_a_json_round_trip() throws IOException {
        AnomalyDefinition definition = new AnomalyDefinition("Inflation", AnomalyKind.PROMPT_INFLATION,
                RuleWindow.MONTH, 0, 100_000, 1_000_000_000, LocalTime.of(9, 30), LocalTime.of(17, 45), 1, 24, 31,
                1, ZoneId.of("America/New_York"), false);

        Map<String, Object> content = AnomalyContent.toContent(definition);

        assertThat(AnomalyContent.parse(content)).isEqualTo(definition);
        assertThat(AnomalyContent.parse(ContentJson.throughJson(content))).isEqualTo(definition);
    }

    @Test
    void accepts_every_number_at_its_bounds() {
        for (long[] bounds : new long[][] {{0, 101, 1, 1, 1, 1, 1}, {AnomalyContent.MAX_SPEND_USD_MICROS, 100_000,
                AnomalyContent.MAX_COUNT, AnomalyContent.MAX_COUNT, 24, 31, AnomalyContent.MAX_COUNT}}) {
            AnomalyDefinition definition = AnomalyContent.parse(numbers(bounds));
            assertThat(definition.minimumSpendUsdMicros()).isEqualTo(bounds[0]);
            assertThat(definition.multiplePercent()).isEqualTo(bounds[1]);
            assertThat(definition.minimumCalls()).isEqualTo(bounds[6]);
        }
    }

    @Test
    void refuses_every_number_just_outside_its_bounds_naming_each() {
        List<FieldError> below = problems(numbers(new long[] {-1, 100, 0, 0, 0, 0, 0}));
        List<FieldError> above = problems(numbers(new long[] {AnomalyContent.MAX_SPEND_USD_MICROS + 1, 100_001,
                AnomalyContent.MAX_COUNT + 1, AnomalyContent.MAX_COUNT + 1, 25, 32, AnomalyContent.MAX_COUNT + 1}));

        for (List<FieldError> problems : List.of(below, above)) {
            assertThat(problems).extracting(FieldError::field).containsExactlyInAnyOrder("minimumSpendUsdMicros",
                    "multiplePercent", "minimumMergedPrs", "minimumOffHoursCalls", "minimumOffHoursHours",
                    "minimumNights", "minimumCalls");
        }
        assertThat(below).contains(new FieldError("multiplePercent", "must be within 101..100000, was 100"));
        assertThat(above).contains(new FieldError("minimumOffHoursHours", "must be within 1..24, was 25"));
    }

    @Test
    void off_hours_may_wrap_midnight_but_from_and_to_must_differ() {
        Map<String, Object> daytime = rule();
        daytime.put("offHours", Map.of("from", "09:00", "to", "17:30"));
        Map<String, Object> equal = rule();
        equal.put("offHours", Map.of("from", "23:00", "to", "23:00"));

        AnomalyDefinition definition = AnomalyContent.parse(daytime);

        assertThat(definition.offHours(LocalTime.of(12, 0))).isTrue();
        assertThat(AnomalyContent.parse(rule()).offHours(LocalTime.of(2, 0))).isTrue();
        assertThat(problems(equal)).containsExactly(new FieldError("offHours",
                "from and to must differ (off-hours from 22:00 to 06:00 wrap midnight), both were 23:00"));
    }

    @Test
    void names_off_hours_that_are_not_times_of_day_or_missing() {
        Map<String, Object> content = rule();
        content.put("offHours", Map.of("from", "24:00", "until", "06:00"));

        assertThat(problems(content)).extracting(FieldError::field).containsExactlyInAnyOrder("offHours.from",
                "offHours.to", "offHours.until");
        content.put("offHours", Map.of("from", "7:00", "to", 6));
        assertThat(problems(content)).extracting(FieldError::field).containsExactlyInAnyOrder("offHours.from",
                "offHours.to");
        content.put("offHours", "22-06");
        assertThat(problems(content)).extracting(FieldError::field).containsExactly("offHours");
    }

    @Test
    void names_every_other_problem_at_once() {
        Map<String, Object> content = new HashMap<>();
        content.put("rule", "TOKENS_BURNED");
        content.put("window", "ALL_TIME");
        content.put("timeZone", "UTC+2");
        content.put("active", 1);
        content.put("threshold", 5);

        List<FieldError> problems = problems(content);

        assertThat(problems).extracting(FieldError::field).containsExactlyInAnyOrder("name", "rule", "window",
                "timeZone", "active", "threshold");
        assertThat(problems).contains(new FieldError("window",
                "must be one of ISO_WEEK, MONTH (a flag is judged when its window closes)"));
    }

    private static Map<String, Object> numbers(long[] values) {
        Map<String, Object> content = rule();
        String[] fields = {"minimumSpendUsdMicros", "multiplePercent", "minimumMergedPrs", "minimumOffHoursCalls",
            "minimumOffHoursHours", "minimumNights", "minimumCalls"};
        for (int index = 0; index < fields.length; index++) {
            content.put(fields[index], values[index]);
        }
        return content;
    }

    private static Map<String, Object> rule() {
        return new HashMap<>(Map.of("name", "Loops", "rule", "OVERNIGHT_IDLE_LOOP"));
    }

    private static List<FieldError> problems(Map<String, Object> content) {
        return catchThrowableOfType(() -> AnomalyContent.parse(content), InvalidRuleException.class).errors();
    }
}
