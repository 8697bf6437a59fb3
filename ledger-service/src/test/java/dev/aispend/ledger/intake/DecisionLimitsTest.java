package dev.aispend.ledger.intake;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionLimitsTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

    private static PolicyDecision decision(String decisionId, String subject, List<PolicyDecision.DecisionInput> inputs,
                                           Map<String, Object> evidence) {
        return new PolicyDecision(decisionId, "BUDGET_EXHAUSTED", subject, "budget-platform", 3, inputs, "EXHAUSTED",
                "spent the monthly budget", AT, 42L, evidence);
    }

    private static PolicyDecision withEvidence(Map<String, Object> evidence) {
        return decision("exhausted@42", "budget:platform/2026-11", List.of(), evidence);
    }

    @Test
    void accepts_a_decision_as_the_evaluator_writes_it_and_one_of_the_first_shape() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("periodKey", "2026-11");
        evidence.put("periodStart", "2026-11-01T00:00:00Z");
        evidence.put("amountUsdMicros", 5_000_000_000L);
        evidence.put("budgets", List.of(Map.of("budgetId", "b-1", "softThresholdsPercent", List.of(50, 80))));
        PolicyDecision firstShape = new PolicyDecision("d-1", "THRESHOLD_CROSSED", "team:platform", "budget", 1,
                List.of(new PolicyDecision.DecisionInput(1, "costUsdMicros", 5)), "ALERT", "", AT);

        assertThat(DecisionLimits.problems(withEvidence(evidence), JSON)).isEmpty();
        assertThat(DecisionLimits.problems(firstShape, JSON)).isEmpty();
    }

    @Test
    void refuses_an_id_or_subject_that_is_blank_or_longer_than_512_characters() {
        assertThat(DecisionLimits.problems(decision("d".repeat(512), "s".repeat(512), List.of(), null), JSON))
                .isEmpty();
        assertThat(DecisionLimits.problems(decision("d".repeat(513), " ", List.of(), null), JSON)).containsExactly(
                "decisionId must be at most 512 characters, had 513", "subject must not be blank");
        assertThat(DecisionLimits.problems(decision("d", "s".repeat(513), List.of(), null), JSON))
                .containsExactly("subject must be at most 512 characters, had 513");
    }

    @Test
    void refuses_more_than_a_thousand_inputs_and_an_input_of_a_negative_position() {
        List<PolicyDecision.DecisionInput> inputs = new ArrayList<>();
        for (int index = 0; index <= DecisionLimits.MAX_INPUTS; index++) {
            inputs.add(new PolicyDecision.DecisionInput(index, "spent:b-" + index, index));
        }

        assertThat(DecisionLimits.problems(decision("d", "s", inputs, null), JSON))
                .containsExactly("inputs must list at most 1000 entries, had 1001");
        assertThat(DecisionLimits.problems(decision("d", "s", inputs.subList(0, 1000), null), JSON)).isEmpty();
        assertThat(DecisionLimits.problems(decision("d", "s",
                List.of(new PolicyDecision.DecisionInput(-1, "spend", 1)), null), JSON))
                .containsExactly("inputs[0].ledgerPosition must not be negative");
    }

    @Test
    void refuses_evidence_larger_than_64_kib_as_json() {
        // {"note":"..."} is 11 bytes around the text.
        Map<String, Object> atTheBound = Map.of("note", "x".repeat(DecisionLimits.MAX_EVIDENCE_BYTES - 11));
        Map<String, Object> beyond = Map.of("note", "x".repeat(DecisionLimits.MAX_EVIDENCE_BYTES - 10));

        assertThat(DecisionLimits.problems(withEvidence(atTheBound), JSON)).isEmpty();
        assertThat(DecisionLimits.problems(withEvidence(beyond), JSON))
                .containsExactly("evidence must be at most 65536 bytes as JSON, was 65537");
    }

    @Test
    void refuses_evidence_nested_deeper_than_eight_levels() {
        assertThat(DecisionLimits.problems(withEvidence(nested(8)), JSON)).isEmpty();
        assertThat(DecisionLimits.problems(withEvidence(nested(9)), JSON))
                .containsExactly("evidence must nest objects and arrays at most 8 levels deep");
    }

    /** An object {@code levels} deep counting itself, alternating objects and arrays. */
    private static Map<String, Object> nested(int levels) {
        Object inner = "leaf";
        for (int level = levels; level > 1; level--) {
            inner = level % 2 == 0 ? List.of(inner) : Map.of("next", inner);
        }
        return Map.of("next", inner);
    }
}
