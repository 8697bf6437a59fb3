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

/** Periods in time zones, daylight saving, period resets and the linear forecast, through the evaluator. */
class PeriodEvaluationTest {
    private final EvaluatorLedger ledger = new EvaluatorLedger();
    private final InMemoryEvaluatorState state = new InMemoryEvaluatorState();
    private final BudgetEvaluator evaluator = new BudgetEvaluator();

    @Test
    void spend_at_half_past_eleven_utc_on_october_31_counts_toward_november_in_berlin() {
        apply(ledger.budget("berlin", monthly("platform", "Europe/Berlin", 100, List.of()), at("2026-10-20T00:00")));
        apply(ledger.budget("utc", monthly("platform", "UTC", 100, List.of()), at("2026-10-20T00:00")));

        List<PolicyDecision> decisions = apply(ledger.spend("platform", at("2026-10-31T23:30"), 100));

        assertThat(decisions).extracting(PolicyDecision::decisionId).containsExactly(
                "BUDGET_PERIOD_RESET:berlin:v1:2026-11@3", "BUDGET_EXHAUSTED:berlin:v1:2026-11@3",
                "BUDGET_EXHAUSTED:utc:v1:2026-10@3");
        assertThat(decisions.get(1).evidence()).containsEntry("periodStart", "2026-10-31T23:00:00Z")
                .containsEntry("periodEnd", "2026-11-30T23:00:00Z").containsEntry("timeZone", "Europe/Berlin");
    }

    @Test
    void resets_once_when_the_clock_enters_the_next_period_and_never_at_creation() {
        assertThat(apply(ledger.budget("b", monthly("platform", "UTC", 1_000, List.of()), at("2026-11-10T00:00"))))
                .isEmpty();
        apply(ledger.spend("platform", at("2026-11-20T00:00"), 300));

        List<PolicyDecision> reset = apply(ledger.outcome(at("2026-12-01T00:00")));
        assertThat(apply(ledger.spend("platform", at("2026-12-02T00:00"), 10))).isEmpty();
        List<PolicyDecision> skipped = apply(ledger.outcome(at("2027-02-14T00:00")));

        assertThat(reset).singleElement().satisfies(decision -> {
            assertThat(decision.decisionId()).isEqualTo("BUDGET_PERIOD_RESET:b:v1:2026-12@3");
            assertThat(decision.result()).isEqualTo("RESET");
            assertThat(decision.inputs().get(0)).isEqualTo(new DecisionInput(3, "clock",
                    at("2026-12-01T00:00").toEpochMilli()));
            assertThat(decision.evidence()).containsEntry("previousPeriodKey", "2026-11")
                    .containsEntry("previousSpentUsdMicros", 300).containsEntry("spentUsdMicros", 0);
        });
        assertThat(skipped).singleElement().satisfies(decision -> assertThat(decision.evidence())
                .containsEntry("periodKey", "2027-02").containsEntry("previousPeriodKey", "2026-12")
                .containsEntry("previousSpentUsdMicros", 10));
    }

    @Test
    void backfilled_spend_counts_toward_its_own_past_period_without_a_reset() {
        apply(ledger.budget("b", monthly("platform", "UTC", 1_000, List.of(50)), at("2026-11-10T00:00")));
        apply(ledger.spend("platform", at("2026-12-03T00:00"), 100)); // resets to December

        List<PolicyDecision> decisions = apply(ledger.spend("platform", at("2026-11-29T00:00"), 600));

        assertThat(decisions).extracting(PolicyDecision::decisionId)
                .containsExactly("BUDGET_THRESHOLD_CROSSED:b:v1:2026-11:50@3");
        assertThat(decisions.get(0).evidence()).containsEntry("ledgerClock", "2026-12-03T00:00:00Z");
        assertThat(state.tally("b", "2026-12").orElseThrow().spentUsdMicros()).isEqualTo(100);
    }

    @Test
    void new_york_months_start_at_local_midnight_on_both_sides_of_daylight_saving() {
        apply(ledger.budget("ny", monthly("platform", "America/New_York", 1_000_000, List.of()),
                at("2026-02-20T00:00")));
        apply(ledger.spend("platform", Instant.parse("2026-03-01T04:59:59Z"), 10));
        List<PolicyDecision> march = apply(ledger.spend("platform", Instant.parse("2026-03-01T05:00:00Z"), 20));
        apply(ledger.spend("platform", Instant.parse("2026-11-01T03:59:59Z"), 30));
        List<PolicyDecision> november = apply(ledger.spend("platform", Instant.parse("2026-11-01T04:00:00Z"), 40));

        assertThat(march).singleElement().satisfies(decision -> assertThat(decision.evidence())
                .containsEntry("periodStart", "2026-03-01T05:00:00Z")
                .containsEntry("periodEnd", "2026-04-01T04:00:00Z").containsEntry("previousSpentUsdMicros", 10));
        assertThat(november).singleElement().satisfies(decision -> assertThat(decision.evidence())
                .containsEntry("periodStart", "2026-11-01T04:00:00Z")
                .containsEntry("periodEnd", "2026-12-01T05:00:00Z").containsEntry("previousSpentUsdMicros", 30));
        assertThat(state.tally("ny", "2026-03").orElseThrow().spentUsdMicros()).isEqualTo(20);
        assertThat(state.tally("ny", "2026-11").orElseThrow().spentUsdMicros()).isEqualTo(40);
    }

    @Test
    void forecasts_once_exactly_when_24_hours_of_the_period_have_elapsed() {
        apply(ledger.budget("b", forecasting("MONTH", "UTC", 3_000_000), at("2026-10-20T00:00")));
        apply(ledger.spend("platform", at("2026-11-01T10:00"), 150_000));

        assertThat(apply(ledger.outcome(Instant.parse("2026-11-01T23:59:59.999Z")))).isEmpty();
        List<PolicyDecision> forecast = apply(ledger.outcome(at("2026-11-02T00:00")));
        assertThat(apply(ledger.outcome(at("2026-11-02T00:01")))).isEmpty();

        assertThat(forecast).singleElement().satisfies(decision -> {
            assertThat(decision.decisionId()).isEqualTo("BUDGET_FORECAST_EXHAUSTION:b:v1:2026-11@4");
            assertThat(decision.result()).isEqualTo("FORECAST");
            // 150,000 in one day of a 30-day month reaches 3,000,000 after 20 days.
            assertThat(decision.evidence()).containsEntry("projectedExhaustionAt", "2026-11-21T00:00:00Z")
                    .containsEntry("method", "linear-v1").containsEntry("ledgerClock", "2026-11-02T00:00:00Z");
        });
    }

    @Test
    void forecasts_when_the_projection_reaches_the_amount_exactly_at_the_end_of_a_quarter_across_daylight_saving() {
        // New York's first quarter of 2026 is 90 days less the hour of the March change: 2159 hours. After 24 of
        // them, 24/2159 of the amount projects exactly to the amount at the quarter's end.
        apply(ledger.budget("q", forecasting("QUARTER", "America/New_York", 2_159_000_000L), at("2025-12-20T00:00")));
        Instant dayOne = Instant.parse("2026-01-02T05:00:00Z");
        apply(ledger.spend("platform", Instant.parse("2026-01-01T06:00:00Z"), 23_999_999));
        assertThat(apply(ledger.outcome(dayOne))).isEmpty();

        List<PolicyDecision> forecast = apply(ledger.spend("platform", Instant.parse("2026-01-01T07:00:00Z"), 1));

        assertThat(forecast).singleElement().satisfies(decision -> {
            assertThat(decision.evidence()).containsEntry("periodEnd", "2026-04-01T04:00:00Z")
                    .containsEntry("projectedExhaustionAt", "2026-04-01T04:00:00Z")
                    .containsEntry("spentUsdMicros", 24_000_000);
            assertThat(decision.inputs().get(0)).isEqualTo(new DecisionInput(4, "spend", 1));
        });
    }

    @Test
    void a_raised_amount_arms_the_forecast_again() {
        apply(ledger.budget("b", forecasting("MONTH", "UTC", 3_000_000), at("2026-10-20T00:00")));
        apply(ledger.spend("platform", at("2026-11-01T10:00"), 150_000));
        assertThat(apply(ledger.outcome(at("2026-11-02T00:00")))).hasSize(1);

        assertThat(apply(ledger.budget("b", forecasting("MONTH", "UTC", 30_000_000), at("2026-11-02T01:00"))))
                .isEmpty();
        assertThat(apply(ledger.spend("platform", at("2026-11-02T02:00"), 1_000_000)))
                .extracting(PolicyDecision::decisionId).containsExactly("BUDGET_FORECAST_EXHAUSTION:b:v2:2026-11@5");
    }

    private static Map<String, Object> forecasting(String unit, String zone, long amount) {
        return content(Map.of("team", "platform"), unit, zone, amount, List.of(), true, true);
    }

    private static Instant at(String utcMinute) {
        return Instant.parse(utcMinute + ":00Z");
    }

    private List<PolicyDecision> apply(LedgerEvent event) {
        return evaluator.apply(state, event);
    }
}
