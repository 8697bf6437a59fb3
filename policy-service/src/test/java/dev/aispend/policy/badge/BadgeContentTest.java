package dev.aispend.policy.badge;

import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.activity.ContentJson;
import dev.aispend.policy.activity.InvalidRuleException;
import dev.aispend.policy.activity.RuleWindow;
import dev.aispend.policy.phase.Phase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Badge rule content: the metric decides the phase, the windows and the tiers' bounds; every problem named. */
class BadgeContentTest {

    @Test
    void fills_in_the_defaults_and_writes_them_out_in_a_fixed_order_with_tiers_in_tier_order() {
        Map<String, Object> content = badge("MERGED_AI_PRS", "OUTCOME", "MONTH");
        content.put("tiers", Map.of("GOLD", 10, "BRONZE", 1, "SILVER", 5));

        BadgeDefinition definition = BadgeContent.parse(content);
        Map<String, Object> canonical = BadgeContent.toContent(definition);

        assertThat(definition).isEqualTo(new BadgeDefinition("Merges", Phase.OUTCOME, BadgeMetric.MERGED_AI_PRS,
                RuleWindow.MONTH, Map.of(BadgeTier.BRONZE, 1L, BadgeTier.SILVER, 5L, BadgeTier.GOLD, 10L), 1,
                100_000, ZoneId.of("UTC"), true));
        assertThat(canonical.keySet()).containsExactly("name", "phase", "metric", "window", "tiers",
                "minimumMergedPrs", "minimumInputTokens", "timeZone", "active");
        List<Object> tierOrder = List.copyOf(((Map<?, ?>) canonical.get("tiers")).keySet());
        assertThat(tierOrder).containsExactly("BRONZE", "SILVER", "GOLD");
    }

    @Test
    void reads_its_canonical_content_back_also_after_a_json_round_trip() throws IOException {
        BadgeDefinition definition = new BadgeDefinition("Cache-wise", Phase.EXPLORATION,
                BadgeMetric.CACHE_READ_SHARE_PERCENT, RuleWindow.ISO_WEEK, Map.of(BadgeTier.SILVER, 0L,
                BadgeTier.EMERALD, 100L), 7, 1_000_000, ZoneId.of("Asia/Tokyo"), false);

        Map<String, Object> content = BadgeContent.toContent(definition);

        assertThat(BadgeContent.parse(content)).isEqualTo(definition);
        assertThat(BadgeContent.parse(ContentJson.throughJson(content))).isEqualTo(definition);
    }

    @Test
    void a_metric_of_another_phase_names_phase_and_says_which_phase_the_metric_belongs_to() {
        assertThat(problems(badge("MERGED_AI_PRS", "EXPLORATION", "MONTH"))).containsExactly(new FieldError("phase",
                "must be OUTCOME: MERGED_AI_PRS is a badge of the OUTCOME phase, was EXPLORATION"));
    }

    @Test
    void a_window_the_metric_does_not_allow_names_window_with_the_allowed_ones() {
        Map<String, Object> firstUse = badge("FIRST_USE", "EXPLORATION", "MONTH");
        firstUse.put("tiers", Map.of("BRONZE", 1));

        assertThat(problems(firstUse)).containsExactly(new FieldError("window",
                "must be one of ALL_TIME for FIRST_USE, was MONTH"));
        assertThat(problems(badge("MERGED_AI_PRS", "OUTCOME", "ALL_TIME"))).containsExactly(new FieldError(
                "window", "must be one of ISO_WEEK, MONTH for MERGED_AI_PRS, was ALL_TIME"));
    }

    @Test
    void there_is_no_metric_of_tokens_used_and_the_answer_lists_the_allowed_ones() {
        List<FieldError> problems = problems(badge("TOKENS_USED", "EXPLORATION", "MONTH"));

        assertThat(problems).extracting(FieldError::field).containsExactly("metric");
        assertThat(problems.get(0).message()).contains("FIRST_USE", "ACTIVE_WEEKS_STREAK", "DISTINCT_MODELS",
                "CACHE_READ_SHARE_PERCENT", "MERGED_AI_PRS", "COST_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT",
                "TOKENS_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT", "no badge measures tokens or spend consumed");
    }

    @Test
    void names_unknown_tiers_and_thresholds_that_do_not_ascend_in_tier_order() {
        Map<String, Object> content = badge("MERGED_AI_PRS", "OUTCOME", "MONTH");
        content.put("tiers", Map.of("DIAMOND", 100, "BRONZE", 5, "SILVER", 5, "GOLD", 3, "EMERALD", 6));

        assertThat(problems(content)).containsExactlyInAnyOrder(
                new FieldError("tiers.DIAMOND", "is not a field of a badge's tiers (BRONZE, SILVER, GOLD, "
                        + "PLATINUM, EMERALD)"),
                new FieldError("tiers.SILVER",
                        "must be greater than the threshold of every lower tier (ascending in tier order), was 5"),
                new FieldError("tiers.GOLD",
                        "must be greater than the threshold of every lower tier (ascending in tier order), was 3"));
    }

    @Test
    void holds_count_thresholds_at_one_or_more_and_percentages_within_0_to_100() {
        assertThat(tierProblems("DISTINCT_MODELS", "EXPLORATION", 0)).containsExactly(
                new FieldError("tiers.BRONZE", "must be within 1..1000000000, was 0"));
        assertThat(tierProblems("CACHE_READ_SHARE_PERCENT", "EXPLORATION", 101)).containsExactly(
                new FieldError("tiers.BRONZE", "must be within 0..100, was 101"));
        assertThat(tierProblems("TOKENS_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT", "OUTCOME", -1))
                .containsExactly(new FieldError("tiers.BRONZE", "must be within 0..100, was -1"));
        assertThat(tierProblems("MERGED_AI_PRS", "OUTCOME", 2.5)).containsExactly(
                new FieldError("tiers.BRONZE", "must be a whole number, was 2.5"));
        assertThat(tierProblems("ACTIVE_WEEKS_STREAK", "EXPLORATION", "4")).extracting(FieldError::message)
                .allMatch(message -> message.startsWith("must be a JSON number"));
    }

    @Test
    void needs_at_least_one_tier() {
        Map<String, Object> content = badge("MERGED_AI_PRS", "OUTCOME", "MONTH");
        content.put("tiers", Map.of());

        assertThat(problems(content)).extracting(FieldError::field).containsExactly("tiers");
        content.remove("tiers");
        assertThat(problems(content)).extracting(FieldError::field).containsExactly("tiers");
    }

    @Test
    void names_every_other_field_out_of_its_bounds_at_once() {
        Map<String, Object> content = new LinkedHashMap<>(badge("MERGED_AI_PRS", "OUTCOME", "MONTH"));
        content.put("name", "n".repeat(101));
        content.put("minimumMergedPrs", 0);
        content.put("minimumInputTokens", -1);
        content.put("timeZone", "Mars/Olympus");
        content.put("active", "yes");
        content.put("colour", "gold");

        assertThat(problems(content)).extracting(FieldError::field).containsExactlyInAnyOrder("name",
                "minimumMergedPrs", "minimumInputTokens", "timeZone", "active", "colour");
        assertThat(problems(new HashMap<>())).extracting(FieldError::field).containsExactlyInAnyOrder("name",
                "phase", "metric", "window", "tiers");
    }

    @Test
    void accepts_every_field_at_its_bounds() {
        Map<String, Object> content = badge("MERGED_AI_PRS", "OUTCOME", "ISO_WEEK");
        content.put("name", "n".repeat(100));
        content.put("tiers", Map.of("BRONZE", 1, "EMERALD", BadgeContent.MAX_COUNT));
        content.put("minimumMergedPrs", 1);
        content.put("minimumInputTokens", 0);

        BadgeDefinition definition = BadgeContent.parse(content);

        assertThat(definition.tiers()).containsEntry(BadgeTier.EMERALD, BadgeContent.MAX_COUNT);
        assertThat(definition.minimumInputTokens()).isZero();
    }

    private static List<FieldError> tierProblems(String metric, String phase, Object threshold) {
        Map<String, Object> content = badge(metric, phase, "MONTH");
        content.put("window", metric.equals("ACTIVE_WEEKS_STREAK") ? "ALL_TIME" : "MONTH");
        content.put("tiers", Map.of("BRONZE", threshold));
        return problems(content);
    }

    private static Map<String, Object> badge(String metric, String phase, String window) {
        Map<String, Object> content = new HashMap<>();
        content.put("name", "Merges");
        content.put("phase", phase);
        content.put("metric", metric);
        content.put("window", window);
        content.put("tiers", Map.of("BRONZE", 1, "SILVER", 5));
        return content;
    }

    private static List<FieldError> problems(Map<String, Object> content) {
        return catchThrowableOfType(() -> BadgeContent.parse(content), InvalidRuleException.class).errors();
    }
}
