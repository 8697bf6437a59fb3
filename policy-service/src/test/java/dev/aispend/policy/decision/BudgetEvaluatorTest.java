package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyDecision.DecisionInput;
import dev.aispend.platform.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.decision.EvaluatorLedger.content;
import static dev.aispend.policy.decision.EvaluatorLedger.monthly;
import static org.assertj.core.api.Assertions.assertThat;

/** Thresholds, exhaustion, budget edits, inactive and invalid versions: what is decided, exactly when. */
class BudgetEvaluatorTest {
    private static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant USED = Instant.parse("2026-11-03T10:00:00Z");

    private final EvaluatorLedger ledger = new EvaluatorLedger();
    private final InMemoryEvaluatorState state = new InMemoryEvaluatorState();
    private final BudgetEvaluator evaluator = new BudgetEvaluator();

    @Test
    void crosses_a_threshold_exactly_at_it_and_not_one_micro_below() {
        apply(ledger.budget("b-platform", monthly("platform", "UTC", 1_000_000, List.of(50, 80)), CREATED));

        assertThat(apply(ledger.spend("platform", USED, 499_999))).isEmpty();
        List<PolicyDecision> decisions = apply(ledger.spend("platform", USED.plusSeconds(3600), 1));

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("periodKey", "2026-11");
        evidence.put("periodStart", "2026-11-01T00:00:00Z");
        evidence.put("periodEnd", "2026-12-01T00:00:00Z");
        evidence.put("timeZone", "UTC");
        evidence.put("amountUsdMicros", 1_000_000);
        evidence.put("spentUsdMicros", 500_000);
        evidence.put("ledgerClock", "2026-11-03T11:00:00Z");
        evidence.put("thresholdPercent", 50);
        assertThat(decisions).containsExactly(new PolicyDecision(
                "BUDGET_THRESHOLD_CROSSED:b-platform:v1:2026-11:50@3", "BUDGET_THRESHOLD_CROSSED",
                "budget:b-platform/2026-11", "b-platform", 1,
                List.of(new DecisionInput(3, "spend", 1), new DecisionInput(1, "budget:amount", 1_000_000),
                        new DecisionInput(3, "period:spent", 500_000)),
                "CROSSED", "Budget Test budget (team=platform): spent 500000 of 1000000 USD micros in 2026-11, "
                + "reaching its 50% threshold", USED.plusSeconds(3600), 3L, evidence));
        assertThat(apply(ledger.spend("platform", USED.plusSeconds(7200), 299_999))).isEmpty();
        assertThat(apply(ledger.spend("platform", USED.plusSeconds(7200), 1))).extracting(PolicyDecision::decisionId)
                .containsExactly("BUDGET_THRESHOLD_CROSSED:b-platform:v1:2026-11:80@5");
    }

    @Test
    void one_spend_over_several_thresholds_decides_each_in_ascending_order() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000_000, List.of(50, 80, 100)), CREATED));

        assertThat(apply(ledger.spend("platform", USED, 1_200_000))).extracting(PolicyDecision::decisionId)
                .containsExactly("BUDGET_THRESHOLD_CROSSED:b:v1:2026-11:50@2",
                        "BUDGET_THRESHOLD_CROSSED:b:v1:2026-11:80@2", "BUDGET_THRESHOLD_CROSSED:b:v1:2026-11:100@2",
                        "BUDGET_EXHAUSTED:b:v1:2026-11@2");
    }

    @Test
    void is_exhausted_exactly_at_the_amount_and_once_per_period() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000_000, List.of()), CREATED));

        assertThat(apply(ledger.spend("platform", USED, 999_999))).isEmpty();
        List<PolicyDecision> exhausted = apply(ledger.spend("platform", USED, 1));
        assertThat(apply(ledger.spend("platform", USED, 5_000_000))).isEmpty();

        assertThat(exhausted).singleElement().satisfies(decision -> {
            assertThat(decision.decisionId()).isEqualTo("BUDGET_EXHAUSTED:b:v1:2026-11@3");
            assertThat(decision.result()).isEqualTo("EXHAUSTED");
            assertThat(decision.evidence()).containsEntry("spentUsdMicros", 1_000_000)
                    .doesNotContainKey("thresholdPercent");
        });
    }

    @Test
    void counts_only_spend_the_scope_covers() {
        Map<String, Object> scope = Map.of("team", "platform", "purpose", "coding", "model", "model-a",
                "costCenter", "cc-1", "personRef", "prs_1");
        apply(ledger.budget("b", content(scope, "MONTH", "UTC", 100, List.of(), false, true), CREATED));

        apply(ledger.append(EvaluatorLedger.spendOf("platform", "prs_1", "coding", "model-a", null, USED, 100)));
        apply(ledger.append(EvaluatorLedger.spendOf("platform", "prs_1", "review", "model-a", "cc-1", USED, 100)));
        apply(ledger.append(EvaluatorLedger.spendOf("platform", "prs_2", "coding", "model-a", "cc-1", USED, 100)));
        apply(ledger.append(EvaluatorLedger.spendOf("data", "prs_1", "coding", "model-a", "cc-1", USED, 100)));
        assertThat(state.tally("b", "2026-11")).isEmpty();

        assertThat(apply(ledger.append(EvaluatorLedger.spendOf("platform", "prs_1", "coding", "model-a", "cc-1",
                USED, 100)))).extracting(PolicyDecision::kind).containsExactly("BUDGET_EXHAUSTED");
    }

    @Test
    void a_lower_amount_crosses_at_the_edit_and_a_raised_one_arms_the_thresholds_again() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000_000, List.of(50, 80)), CREATED));
        assertThat(apply(ledger.spend("platform", USED, 600_000))).extracting(PolicyDecision::decisionId)
                .containsExactly("BUDGET_THRESHOLD_CROSSED:b:v1:2026-11:50@2");

        List<PolicyDecision> lowered = apply(ledger.budget("b", monthly("platform", "UTC", 700_000,
                List.of(50, 80)), USED.plusSeconds(60)));
        assertThat(lowered).singleElement().satisfies(decision -> {
            assertThat(decision.decisionId()).isEqualTo("BUDGET_THRESHOLD_CROSSED:b:v2:2026-11:80@3");
            assertThat(decision.policyVersion()).isEqualTo(2);
            assertThat(decision.decidedAt()).isEqualTo(USED.plusSeconds(60));
            assertThat(decision.inputs()).containsExactly(new DecisionInput(3, "budget", 700_000),
                    new DecisionInput(3, "budget:amount", 700_000), new DecisionInput(3, "period:spent", 600_000));
        });

        assertThat(apply(ledger.budget("b", monthly("platform", "UTC", 2_000_000, List.of(50, 80)),
                USED.plusSeconds(120)))).isEmpty();
        assertThat(state.tally("b", "2026-11").orElseThrow().crossedThresholds()).isEmpty();
        assertThat(apply(ledger.spend("platform", USED.plusSeconds(180), 400_000)))
                .extracting(PolicyDecision::decisionId).containsExactly("BUDGET_THRESHOLD_CROSSED:b:v3:2026-11:50@5");
        assertThat(apply(ledger.spend("platform", USED.plusSeconds(240), 600_000)))
                .extracting(PolicyDecision::decisionId).containsExactly("BUDGET_THRESHOLD_CROSSED:b:v3:2026-11:80@6");
    }

    @Test
    void an_edit_that_leaves_a_threshold_reached_does_not_announce_it_again() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000_000, List.of(50)), CREATED));
        apply(ledger.spend("platform", USED, 600_000));

        assertThat(apply(ledger.budget("b", monthly("platform", "UTC", 1_100_000, List.of(50)),
                USED.plusSeconds(60)))).isEmpty();
        assertThat(apply(ledger.budget("b", monthly("platform", "UTC", 1_100_000, List.of(80)),
                USED.plusSeconds(120)))).isEmpty();
        assertThat(apply(ledger.budget("b", monthly("platform", "UTC", 1_100_000, List.of(50, 80)),
                USED.plusSeconds(180)))).isEmpty();
    }

    @Test
    void an_inactive_budget_counts_and_decides_nothing_and_restarts_without_a_reset() {
        Map<String, Object> retired = content(Map.of("team", "platform"), "MONTH", "UTC", 100, List.of(50),
                true, false);
        apply(ledger.budget("b", retired, CREATED));
        assertThat(apply(ledger.spend("platform", USED, 1_000))).isEmpty();
        assertThat(apply(ledger.outcome(Instant.parse("2026-12-05T00:00:00Z")))).isEmpty();

        assertThat(apply(ledger.budget("b", monthly("platform", "UTC", 100, List.of(50)),
                Instant.parse("2026-12-06T00:00:00Z")))).isEmpty();
        assertThat(state.currentPeriodKey("b")).contains("2026-12");
        assertThat(apply(ledger.spend("platform", Instant.parse("2026-12-07T00:00:00Z"), 50)))
                .extracting(PolicyDecision::decisionId).containsExactly("BUDGET_THRESHOLD_CROSSED:b:v2:2026-12:50@5");
    }

    @Test
    void content_that_does_not_parse_leaves_the_previous_version_in_force_and_decides_nothing() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000, List.of(50)), CREATED));
        apply(ledger.spend("platform", USED, 400));
        Map<String, Object> broken = new LinkedHashMap<>(monthly("platform", "UTC", 100, List.of(50)));
        broken.put("hardcap", true);

        assertThat(apply(ledger.budget("b", broken, USED.plusSeconds(60)))).isEmpty();

        assertThat(state.budget("b").orElseThrow().version()).isEqualTo(1);
        assertThat(apply(ledger.spend("platform", USED.plusSeconds(120), 100))).extracting(PolicyDecision::decisionId)
                .containsExactly("BUDGET_THRESHOLD_CROSSED:b:v1:2026-11:50@4");
    }

    @Test
    void a_version_already_in_force_changes_nothing() {
        LedgerEvent first = ledger.budget("b", monthly("platform", "UTC", 1_000, List.of(50)), CREATED);
        apply(first);
        apply(ledger.spend("platform", USED, 400));

        assertThat(evaluator.apply(state, first)).isEmpty();
        assertThat(state.budget("b").orElseThrow().ledgerPosition()).isEqualTo(1);
    }

    private List<PolicyDecision> apply(LedgerEvent event) {
        return evaluator.apply(state, event);
    }
}
