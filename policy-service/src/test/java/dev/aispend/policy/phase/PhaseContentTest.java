package dev.aispend.policy.phase;

import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.activity.InvalidRuleException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Phase content: the organization's phase when no team is named, the automatic switch's bounds, defaults. */
class PhaseContentTest {

    @Test
    void a_phase_without_a_team_is_the_organizations_in_utc_without_an_automatic_switch() {
        PhaseDefinition definition = PhaseContent.parse(Map.of("phase", "EXPLORATION"));

        assertThat(definition).isEqualTo(new PhaseDefinition(null, Phase.EXPLORATION, null, ZoneId.of("UTC")));
        Map<String, Object> canonical = PhaseContent.toContent(definition);
        assertThat(canonical.keySet()).containsExactly("phase", "automatic", "timeZone");
        assertThat(canonical).containsEntry("phase", "EXPLORATION").containsEntry("automatic", null)
                .containsEntry("timeZone", "UTC");
    }

    @Test
    void reads_a_teams_phase_with_its_automatic_switch_and_round_trips_it() {
        Map<String, Object> content = new HashMap<>();
        content.put("timeZone", "Europe/Berlin");
        content.put("automatic", Map.of("adoptionPercent", 80, "consecutiveWeeks", 4));
        content.put("phase", "OUTCOME");
        content.put("team", "platform");

        PhaseDefinition definition = PhaseContent.parse(content);

        assertThat(definition).isEqualTo(new PhaseDefinition("platform", Phase.OUTCOME,
                new PhaseDefinition.AutomaticSwitch(80, 4), ZoneId.of("Europe/Berlin")));
        assertThat(PhaseContent.toContent(definition).keySet()).containsExactly("team", "phase", "automatic",
                "timeZone");
        assertThat(PhaseContent.parse(PhaseContent.toContent(definition))).isEqualTo(definition);
    }

    @Test
    void an_explicit_null_automatic_means_no_switch() {
        Map<String, Object> content = new HashMap<>(Map.of("phase", "EXPLORATION"));
        content.put("automatic", null);

        assertThat(PhaseContent.parse(content).automatic()).isNull();
    }

    @Test
    void accepts_the_automatic_switch_at_its_bounds() {
        for (int[] bounds : new int[][] {{1, 1}, {100, 52}}) {
            Map<String, Object> content = Map.of("phase", "EXPLORATION", "automatic",
                    Map.of("adoptionPercent", bounds[0], "consecutiveWeeks", bounds[1]));
            assertThat(PhaseContent.parse(content).automatic())
                    .isEqualTo(new PhaseDefinition.AutomaticSwitch(bounds[0], bounds[1]));
        }
    }

    @Test
    void names_every_problem_of_the_automatic_switch_and_the_team() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", " platform");
        content.put("phase", "LEARNING");
        content.put("automatic", Map.of("adoptionPercent", 101, "consecutiveWeeks", new BigDecimal("4.5"),
                "weeks", 4));
        content.put("timeZone", "+02:00");
        content.put("colour", "red");

        InvalidRuleException invalid = catchThrowableOfType(() -> PhaseContent.parse(content),
                InvalidRuleException.class);

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("team", "phase",
                "automatic.adoptionPercent", "automatic.consecutiveWeeks", "automatic.weeks", "timeZone", "colour");
        assertThat(invalid.errors()).contains(
                new FieldError("automatic.adoptionPercent", "must be within 1..100, was 101"),
                new FieldError("automatic.consecutiveWeeks", "must be a whole number, was 4.5"),
                new FieldError("phase", "must be one of EXPLORATION, OUTCOME"));
    }

    @Test
    void refuses_weeks_and_percentages_out_of_range_missing_or_not_numbers() {
        assertThat(automaticProblems(Map.of("adoptionPercent", 0, "consecutiveWeeks", 53)))
                .containsExactlyInAnyOrder(new FieldError("automatic.adoptionPercent", "must be within 1..100, was 0"),
                        new FieldError("automatic.consecutiveWeeks", "must be within 1..52, was 53"));
        assertThat(automaticProblems(Map.of("adoptionPercent", "80", "consecutiveWeeks", true)))
                .extracting(FieldError::message).allMatch(message -> message.startsWith("must be a JSON number"));
        assertThat(automaticProblems(Map.of())).extracting(FieldError::field)
                .containsExactlyInAnyOrder("automatic.adoptionPercent", "automatic.consecutiveWeeks");
        assertThat(automaticProblems("always")).extracting(FieldError::field).containsExactly("automatic");
    }

    @Test
    void refuses_a_blank_an_overlong_or_a_null_team_and_a_missing_phase() {
        Map<String, Object> content = new HashMap<>();
        content.put("team", null);
        assertThat(problems(content)).extracting(FieldError::field).containsExactlyInAnyOrder("team", "phase");
        assertThat(problems(Map.of("team", "", "phase", "OUTCOME"))).extracting(FieldError::field)
                .containsExactly("team");
        assertThat(problems(Map.of("team", "   ", "phase", "OUTCOME"))).extracting(FieldError::field)
                .containsExactly("team");
        assertThat(problems(Map.of("team", "t".repeat(201), "phase", "OUTCOME")))
                .containsExactly(new FieldError("team", "must be at most 200 characters"));
        assertThat(PhaseContent.parse(Map.of("team", "t".repeat(200), "phase", "OUTCOME")).team()).hasSize(200);
    }

    private static List<FieldError> automaticProblems(Object automatic) {
        return problems(Map.of("phase", "EXPLORATION", "automatic", automatic));
    }

    private static List<FieldError> problems(Map<String, Object> content) {
        return catchThrowableOfType(() -> PhaseContent.parse(content), InvalidRuleException.class).errors();
    }
}
