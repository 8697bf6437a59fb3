package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyDecision.DecisionInput;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetVersion;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the evaluator's decisions: id, subject, inputs, a reason for people and the evidence a verifier needs.
 * Everything here is a function of its arguments (no clock, no locale: numbers are written as plain integers), so
 * a decision derived again is equal to the one recorded.
 *
 * <p>Evidence numbers are Integer when they fit an int and Long otherwise, as a JSON decoder reads them back,
 * so evidence compares equal after a JSON round trip; instants are ISO-8601 strings.
 */
final class BudgetDecisions {

    /**
     * The entry a decision derives from, as one budget sees it: its position and time, the ledger clock after
     * it, and the input it was for this budget (spend, re-pricing, the budget's own version, or a clock move).
     */
    record Trigger(long position, Instant decidedAt, Instant ledgerClock, DecisionInput input) {
    }

    private BudgetDecisions() {
    }

    static PolicyDecision thresholdCrossed(BudgetVersion budget, PeriodTally tally, int percent, Trigger trigger) {
        Map<String, Object> evidence = evidence(budget, tally, trigger);
        evidence.put("thresholdPercent", percent);
        String reason = lead(budget, tally) + ", reaching its " + percent + "% threshold";
        return decision(DecisionKinds.THRESHOLD_CROSSED, DecisionKinds.CROSSED, budget, tally, percent, trigger,
                reason, evidence);
    }

    static PolicyDecision exhausted(BudgetVersion budget, PeriodTally tally, Trigger trigger) {
        String reason = lead(budget, tally) + ": the budget is exhausted";
        return decision(DecisionKinds.EXHAUSTED, DecisionKinds.EXHAUSTED_RESULT, budget, tally, null, trigger,
                reason, evidence(budget, tally, trigger));
    }

    static PolicyDecision forecast(BudgetVersion budget, PeriodTally tally, Instant projectedExhaustion,
                                   Trigger trigger) {
        Map<String, Object> evidence = evidence(budget, tally, trigger);
        evidence.put("projectedExhaustionAt", projectedExhaustion.toString());
        evidence.put("method", LinearForecast.METHOD);
        String reason = lead(budget, tally) + " by " + trigger.ledgerClock() + "; at that rate it reaches the amount"
                + " at " + projectedExhaustion + ", before the period ends at " + tally.periodEnd();
        return decision(DecisionKinds.FORECAST_EXHAUSTION, DecisionKinds.FORECAST, budget, tally, null, trigger,
                reason, evidence);
    }

    static PolicyDecision periodReset(BudgetVersion budget, PeriodTally tally, String previousPeriodKey,
                                      long previousSpentUsdMicros, Trigger trigger) {
        Map<String, Object> evidence = evidence(budget, tally, trigger);
        evidence.put("previousPeriodKey", previousPeriodKey);
        evidence.put("previousSpentUsdMicros", number(previousSpentUsdMicros));
        String reason = label(budget) + ": period " + tally.periodKey() + " began; " + previousPeriodKey
                + " ended with " + previousSpentUsdMicros + " USD micros spent";
        return decision(DecisionKinds.PERIOD_RESET, DecisionKinds.RESET, budget, tally, null, trigger, reason,
                evidence);
    }

    private static PolicyDecision decision(String kind, String result, BudgetVersion budget, PeriodTally tally,
                                           @Nullable Integer percent, Trigger trigger, String reason,
                                           Map<String, Object> evidence) {
        String id = DecisionIds.of(kind, budget.budgetId(), budget.version(), tally.periodKey(), percent,
                trigger.position());
        List<DecisionInput> inputs = List.of(trigger.input(),
                new DecisionInput(budget.ledgerPosition(), DecisionKinds.INPUT_BUDGET_AMOUNT,
                        budget.definition().amountUsdMicros()),
                new DecisionInput(trigger.position(), DecisionKinds.INPUT_PERIOD_SPENT, tally.spentUsdMicros()));
        return new PolicyDecision(id, kind, DecisionIds.subject(budget.budgetId(), tally.periodKey()),
                budget.budgetId(), budget.version(), inputs, result, reason, trigger.decidedAt(),
                trigger.position(), evidence);
    }

    /** What every budget decision's evidence holds: the period, the budget's amount and zone, the spend, the clock. */
    private static Map<String, Object> evidence(BudgetVersion budget, PeriodTally tally, Trigger trigger) {
        BudgetDefinition definition = budget.definition();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("periodKey", tally.periodKey());
        evidence.put("periodStart", tally.periodStart().toString());
        evidence.put("periodEnd", tally.periodEnd().toString());
        evidence.put("timeZone", definition.period().timeZone());
        evidence.put("amountUsdMicros", number(definition.amountUsdMicros()));
        evidence.put("spentUsdMicros", number(tally.spentUsdMicros()));
        evidence.put("ledgerClock", trigger.ledgerClock().toString());
        return evidence;
    }

    private static String lead(BudgetVersion budget, PeriodTally tally) {
        return label(budget) + ": spent " + tally.spentUsdMicros() + " of " + budget.definition().amountUsdMicros()
                + " USD micros in " + tally.periodKey();
    }

    private static String label(BudgetVersion budget) {
        return "Budget " + budget.definition().name() + " (" + budget.definition().scope().label() + ")";
    }

    /** The narrowest type a JSON decoder reads this integer back as. */
    static Object number(long value) {
        return value == (int) value ? (Object) (int) value : (Object) value;
    }
}
