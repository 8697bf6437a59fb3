package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyDecision.DecisionInput;
import dev.aispend.platform.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.decision.EvaluatorLedger.content;
import static dev.aispend.policy.decision.EvaluatorLedger.monthly;
import static org.assertj.core.api.Assertions.assertThat;

/** Which entries are inputs and how: rate cards, re-pricings, evidence, decisions, legacy usage; determinism. */
class EvaluatorInputsTest {
    private static final Instant OCTOBER = Instant.parse("2026-10-01T09:00:00Z");

    private final EvaluatorLedger ledger = new EvaluatorLedger();
    private final InMemoryEvaluatorState state = new InMemoryEvaluatorState();
    private final BudgetEvaluator evaluator = new BudgetEvaluator();

    @Test
    void a_rate_card_change_only_moves_the_clock_and_a_repricing_corrects_the_original_period() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000_000, List.of(50)), OCTOBER));
        LedgerEvent october = ledger.spend("platform", Instant.parse("2026-10-20T00:00:00Z"), 300_000);
        apply(october);
        assertThat(apply(ledger.rateCard(Instant.parse("2026-11-02T00:00:00Z")))).extracting(PolicyDecision::kind)
                .containsExactly("BUDGET_PERIOD_RESET");
        apply(ledger.spend("platform", Instant.parse("2026-11-03T00:00:00Z"), 100_000));

        Instant requested = Instant.parse("2026-11-05T12:00:00Z");
        List<PolicyDecision> decisions = apply(ledger.repricing(october, 600_000, requested));

        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.decisionId()).isEqualTo("BUDGET_THRESHOLD_CROSSED:b:v1:2026-10:50@5");
            assertThat(decision.decidedAt()).isEqualTo(requested);
            assertThat(decision.inputs()).contains(new DecisionInput(5, "repricing", 300_000),
                    new DecisionInput(5, "period:spent", 600_000));
            assertThat(decision.evidence()).containsEntry("ledgerClock", "2026-11-03T00:00:00Z");
        });
        assertThat(state.ledgerClock()).contains(Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(state.tally("b", "2026-11").orElseThrow().spentUsdMicros()).isEqualTo(100_000);
    }

    @Test
    void a_repricing_is_summed_exactly_even_below_zero() {
        LedgerEvent before = ledger.spend("platform", OCTOBER, 500);
        apply(before); // recorded before the budget existed: not counted
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000, List.of(50)), OCTOBER.plusSeconds(60)));

        assertThat(apply(ledger.repricing(before, 200, OCTOBER.plusSeconds(120)))).isEmpty();

        PeriodTally tally = state.tally("b", "2026-10").orElseThrow();
        assertThat(tally.spentUsdMicros()).isEqualTo(-300);
        assertThat(tally.spentAsOfPosition()).isEqualTo(3);
    }

    @Test
    void evidence_and_decisions_are_never_inputs() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000, List.of(50)), OCTOBER));
        List<PolicyDecision> crossed = apply(ledger.spend("platform", OCTOBER.plusSeconds(60), 600));

        assertThat(apply(ledger.evidence("platform", Instant.parse("2026-12-01T00:00:00Z"), 5_000))).isEmpty();
        assertThat(apply(ledger.recorded(crossed.get(0)))).isEmpty();

        assertThat(state.ledgerClock()).contains(OCTOBER.plusSeconds(60));
        assertThat(state.tally("b", "2026-10").orElseThrow().spentUsdMicros()).isEqualTo(600);
        assertThat(state.tally("b", "2026-12")).isEmpty();
    }

    @Test
    void legacy_usage_is_unpriced_spend_that_moves_the_clock() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000, List.of(50)), OCTOBER));

        assertThat(apply(ledger.legacyUsage("platform", Instant.parse("2026-11-01T00:00:00Z"))))
                .extracting(PolicyDecision::kind).containsExactly("BUDGET_PERIOD_RESET");

        assertThat(state.tally("b", "2026-11")).isEmpty();
    }

    @Test
    void evaluating_the_same_ledger_again_yields_identical_decisions() {
        ledger.budget("b", content(Map.of(), "MONTH", "Europe/Berlin", 1_000_000, List.of(25, 50, 75, 100), true,
                true), OCTOBER);
        ledger.budget("c", monthly("platform", "America/New_York", 400_000, List.of(90)), OCTOBER);
        Instant time = OCTOBER;
        for (int index = 0; index < 200; index++) {
            time = time.plusSeconds(9 * 3600 + index);
            LedgerEvent spend = ledger.spend(index % 3 == 0 ? "platform" : "data", time, 10_000 + index * 97L);
            if (index % 17 == 0) {
                ledger.repricing(spend, 5_000, time.plusSeconds(1));
            }
            if (index % 50 == 49) {
                ledger.budget("b", content(Map.of(), "MONTH", "Europe/Berlin", 900_000 + index, List.of(50, 100),
                        true, true), time);
            }
        }

        List<PolicyDecision> first = EvaluatorLedger.evaluate(ledger.events());
        List<PolicyDecision> second = EvaluatorLedger.evaluate(ledger.events());

        assertThat(first).hasSizeGreaterThanOrEqualTo(10).isEqualTo(second);
        assertThat(first).extracting(PolicyDecision::kind).contains("BUDGET_THRESHOLD_CROSSED", "BUDGET_EXHAUSTED",
                "BUDGET_FORECAST_EXHAUSTION", "BUDGET_PERIOD_RESET");
        assertThat(first).extracting(PolicyDecision::decisionId).doesNotHaveDuplicates();
    }

    private List<PolicyDecision> apply(LedgerEvent event) {
        return evaluator.apply(state, event);
    }
}
