package dev.aispend.policy.verification;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionComparisonTest {
    private static final Instant AT = Instant.parse("2026-10-05T10:00:00Z");

    private static PolicyDecision decision(String id, String result) {
        return new PolicyDecision(id, "BUDGET_THRESHOLD_CROSSED", "team:platform", "budget-1", 1, List.of(),
                result, "80 % of the budget", AT);
    }

    @Test
    void matches_a_record_with_what_was_derived_for_its_id_and_forgets_both() {
        DecisionComparison comparison = new DecisionComparison(JsonMapper.createDefault());

        comparison.rederived(decision("d-1", "WARN"));
        comparison.recorded(decision("d-1", "WARN"), 7);
        VerificationResult result = comparison.result(1, 10, 10);

        assertThat(result.matches()).isEqualTo(1);
        assertThat(result.verified()).isTrue();
    }

    @Test
    void tells_a_record_whose_content_differs_with_both_sides() {
        DecisionComparison comparison = new DecisionComparison(JsonMapper.createDefault());

        comparison.rederived(decision("d-1", "WARN"));
        comparison.recorded(decision("d-1", "DENY"), 7);
        VerificationResult result = comparison.result(1, 10, 10);

        assertThat(result.mismatchCount()).isEqualTo(1);
        assertThat(result.mismatches().get(0).recordedAtPosition()).isEqualTo(7);
        assertThat(result.mismatches().get(0).recorded().result()).isEqualTo("DENY");
        assertThat(result.mismatches().get(0).rederived().result()).isEqualTo("WARN");
    }

    @Test
    void counts_a_record_nothing_was_derived_for_as_extra_and_a_derivation_never_recorded_as_missing() {
        DecisionComparison comparison = new DecisionComparison(JsonMapper.createDefault());

        comparison.recorded(decision("only-recorded", "WARN"), 3);
        comparison.rederived(decision("only-derived", "WARN"));
        VerificationResult result = comparison.result(1, 10, 10);

        assertThat(result.extraCount()).isEqualTo(1);
        assertThat(result.extra()).extracting(PolicyDecision::decisionId).containsExactly("only-recorded");
        assertThat(result.missingCount()).isEqualTo(1);
        assertThat(result.missing()).extracting(PolicyDecision::decisionId).containsExactly("only-derived");
        assertThat(result.verified()).isFalse();
    }

    @Test
    void compares_a_record_with_a_derivation_that_came_only_after_it_instead_of_counting_extra_and_missing() {
        DecisionComparison comparison = new DecisionComparison(JsonMapper.createDefault());

        comparison.recorded(decision("late", "DENY"), 5);
        comparison.rederived(decision("late", "WARN"));
        VerificationResult result = comparison.result(1, 10, 10);

        assertThat(result.mismatchCount()).isEqualTo(1);
        assertThat(result.mismatches().get(0).recordedAtPosition()).isEqualTo(5);
        assertThat(result.extraCount()).isZero();
        assertThat(result.missingCount()).isZero();
    }

    @Test
    void lists_at_most_its_bound_of_each_difference_and_counts_them_all() {
        DecisionComparison comparison = new DecisionComparison(JsonMapper.createDefault());

        for (int index = 0; index < DecisionComparison.MAX_LISTED + 5; index++) {
            comparison.recorded(decision("extra-" + index, "WARN"), index + 1);
        }
        VerificationResult result = comparison.result(1, 200, 200);

        assertThat(result.extraCount()).isEqualTo(DecisionComparison.MAX_LISTED + 5);
        assertThat(result.extra()).hasSize(DecisionComparison.MAX_LISTED);
    }
}
