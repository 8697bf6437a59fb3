package dev.aispend.policy.decision;

import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyDecision.DecisionInput;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.InvalidBudgetException;
import dev.aispend.platform.budget.PeriodWindow;
import dev.aispend.policy.decision.BudgetDecisions.Trigger;
import dev.aispend.policy.decision.LedgerInput.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folds ledger entries, in ledger order, into budget decisions (docs/policy.md). Pure: what it decides depends
 * only on the entries and the {@link EvaluatorState} they built, never on the wall clock or chance, so the same
 * ledger evaluated again (after a restart, by a verifier) yields the same decisions with the same ids.
 *
 * <p>The rules, per entry:
 * <ul>
 * <li>The ledger clock is the latest event time of SpendRecorded, OutcomeRecorded and PolicyChanged. When an
 *     entry moves it into a new period of an active budget, that budget records one PERIOD_RESET (not at its
 *     creation, and once however many periods the clock skips).</li>
 * <li>A budget version (PolicyChanged of kind BUDGET) is in force from its own position: the clock's current
 *     period is evaluated again under it right there (re-arming what no longer holds, deciding what now does).
 *     Content that does not parse (the API validates it first, so it should never be recorded) leaves the
 *     previous version in force and decides nothing for the new one. A version not above the one in force is
 *     one already applied, and changes nothing.</li>
 * <li>Spend counts for every active budget whose scope covers it, in the period of its time of use (backfill
 *     lands in its own, possibly past, period), from the entries after the budget's creation on: a budget does
 *     not count what was recorded before it existed. A re-pricing adds its cost delta to the period of the
 *     ORIGINAL spend, matched with the original's attributes; it cannot tell whether the original was counted,
 *     so correcting spend recorded before the budget existed changes the budget too, and spend may go below
 *     zero; a re-pricing recorded before re-pricings carried the original's cost center and purpose matches no
 *     budget scoped by them. Nothing is clamped: the tally is the exact sum of what was counted (overflow
 *     throws).</li>
 * <li>Thresholds and exhaustion are decided in the period the spend landed in, the forecast only in the period
 *     the clock is in ({@link LinearForecast}). Each is decided once per budget and period; only a new budget
 *     version arms it again ({@link BudgetRules#rearm}): a re-pricing that lowers spend does not.</li>
 * <li>Inactive budgets count nothing and decide nothing. Reactivated, a budget starts from the clock's
 *     period without a reset, like a new one.</li>
 * </ul>
 * Decisions come in a fixed order: resets, then the new version's, then thresholds and exhaustion, then
 * forecasts, each by budget id, thresholds ascending.
 */
public final class BudgetEvaluator {

    /** Applies one ledger entry (the next after the last one applied to {@code state}); returns its decisions. */
    public List<PolicyDecision> apply(EvaluatorState state, LedgerEvent event) {
        LedgerInput input = LedgerInput.of(event);
        if (input.kind() == Kind.IGNORED) {
            return List.of();
        }
        boolean clockMoved = advanceClock(state, input);
        Optional<Instant> clock = state.ledgerClock();
        if (clock.isEmpty()) {
            return List.of(); // Only a re-pricing before any clock: no budget exists yet (versions move it).
        }
        List<PolicyDecision> decisions = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        if (clockMoved) {
            rollOver(state, input, clock.get(), decisions);
        }
        if (input.kind() == Kind.BUDGET) {
            install(state, input, clock.get(), decisions, changed);
        }
        if (input.countsSpend()) {
            count(state, input, clock.get(), decisions, changed);
        }
        forecast(state, input, clock.get(), clockMoved, changed, decisions);
        return decisions;
    }

    private static boolean advanceClock(EvaluatorState state, LedgerInput input) {
        Instant time = input.clockTime();
        if (time == null || state.ledgerClock().filter(clock -> !time.isAfter(clock)).isPresent()) {
            return false;
        }
        state.ledgerClock(time);
        return true;
    }

    /** One reset per active budget whose clock period changed; a budget without a period yet just takes one. */
    private static void rollOver(EvaluatorState state, LedgerInput input, Instant clock,
                                 List<PolicyDecision> decisions) {
        for (BudgetVersion budget : activeBudgets(state)) {
            PeriodWindow window = budget.definition().period().windowOf(clock);
            Optional<String> previousKey = state.currentPeriodKey(budget.budgetId());
            if (previousKey.filter(window.key()::equals).isPresent()) {
                continue;
            }
            state.currentPeriodKey(budget.budgetId(), window.key());
            if (previousKey.isPresent()) {
                long previousSpent = state.tally(budget.budgetId(), previousKey.get())
                        .map(PeriodTally::spentUsdMicros).orElse(0L);
                decisions.add(BudgetDecisions.periodReset(budget, tallyOf(state, budget.budgetId(), window),
                        previousKey.get(), previousSpent, trigger(input, budget, clock)));
            }
        }
    }

    private static void install(EvaluatorState state, LedgerInput input, Instant clock,
                                List<PolicyDecision> decisions, Set<String> changed) {
        PolicyChanged change = input.budgetChange();
        Optional<BudgetVersion> inForce = state.budget(change.policyId());
        if (inForce.filter(version -> version.version() >= change.version()).isPresent()) {
            return;
        }
        BudgetDefinition definition;
        try {
            definition = BudgetContent.parse(change.content());
        } catch (InvalidBudgetException invalid) {
            return; // The previous version stays in force; there is nothing to log from a pure function.
        }
        BudgetVersion budget = new BudgetVersion(change.policyId(), change.version(), input.position(), definition);
        state.putBudget(budget);
        if (!definition.active()) {
            return;
        }
        PeriodWindow window = definition.period().windowOf(clock);
        state.currentPeriodKey(budget.budgetId(), window.key());
        PeriodTally before = tallyOf(state, budget.budgetId(), window);
        PeriodTally tally = BudgetRules.rearm(before, definition, clock);
        tally = decideLimits(budget, tally, trigger(input, budget, clock), decisions);
        if (!tally.equals(before)) {
            state.putTally(budget.budgetId(), tally);
        }
        changed.add(budget.budgetId());
    }

    private static void count(EvaluatorState state, LedgerInput input, Instant clock,
                              List<PolicyDecision> decisions, Set<String> changed) {
        if (input.costUsdMicros() == 0) {
            return; // Unpriced spend (or a re-pricing to the same price) changes no tally.
        }
        for (BudgetVersion budget : activeBudgets(state)) {
            if (!input.spend().coveredBy(budget.definition().scope())) {
                continue;
            }
            PeriodWindow window = budget.definition().period().windowOf(input.spend().occurredAt());
            PeriodTally tally = tallyOf(state, budget.budgetId(), window)
                    .plus(input.costUsdMicros(), input.position());
            tally = decideLimits(budget, tally, trigger(input, budget, clock), decisions);
            state.putTally(budget.budgetId(), tally);
            changed.add(budget.budgetId());
        }
    }

    /** Thresholds ascending, then exhaustion, each once per period. */
    private static PeriodTally decideLimits(BudgetVersion budget, PeriodTally tally, Trigger trigger,
                                            List<PolicyDecision> decisions) {
        long amount = budget.definition().amountUsdMicros();
        PeriodTally decided = tally;
        for (int percent : budget.definition().softThresholdsPercent()) {
            if (!decided.crossedThresholds().contains(percent)
                    && BudgetRules.reaches(decided.spentUsdMicros(), amount, percent)) {
                decisions.add(BudgetDecisions.thresholdCrossed(budget, decided, percent, trigger));
                decided = decided.withCrossed(percent);
            }
        }
        if (!decided.exhausted() && BudgetRules.exhausts(decided.spentUsdMicros(), amount)) {
            decisions.add(BudgetDecisions.exhausted(budget, decided, trigger));
            decided = decided.withExhausted(true);
        }
        return decided;
    }

    /**
     * The forecast of the clock's period, for budgets whose inputs to it changed: all of them when the clock moved
     * (elapsed time is one of them), else those whose spend or version this entry changed.
     */
    private static void forecast(EvaluatorState state, LedgerInput input, Instant clock, boolean clockMoved,
                                 Set<String> changed, List<PolicyDecision> decisions) {
        for (BudgetVersion budget : activeBudgets(state)) {
            BudgetDefinition definition = budget.definition();
            if (!definition.forecastAlert() || !(clockMoved || changed.contains(budget.budgetId()))) {
                continue;
            }
            PeriodTally tally = tallyOf(state, budget.budgetId(), definition.period().windowOf(clock));
            if (tally.forecastAlerted()) {
                continue;
            }
            Optional<Instant> projected = LinearForecast.projectedExhaustion(tally.window(), clock,
                    tally.spentUsdMicros(), definition.amountUsdMicros());
            if (projected.isPresent()) {
                decisions.add(BudgetDecisions.forecast(budget, tally, projected.get(),
                        trigger(input, budget, clock)));
                state.putTally(budget.budgetId(), tally.withForecastAlerted(true));
            }
        }
    }

    /** The tally of a period (empty if none), with the bounds the version in force gives its key. */
    private static PeriodTally tallyOf(EvaluatorState state, String budgetId, PeriodWindow window) {
        return state.tally(budgetId, window.key()).map(tally -> tally.withWindow(window))
                .orElseGet(() -> PeriodTally.empty(window));
    }

    private static List<BudgetVersion> activeBudgets(EvaluatorState state) {
        return state.budgets().stream().filter(budget -> budget.definition().active())
                .sorted(Comparator.comparing(BudgetVersion::budgetId)).toList();
    }

    /** What the entry was for this budget: its spend, its re-pricing, its own new version, or a clock move. */
    private static Trigger trigger(LedgerInput input, BudgetVersion budget, Instant clock) {
        long position = input.position();
        DecisionInput cause;
        if (input.countsSpend() && input.spend().coveredBy(budget.definition().scope())) {
            cause = new DecisionInput(position, input.kind() == Kind.SPEND ? DecisionKinds.INPUT_SPEND
                    : DecisionKinds.INPUT_REPRICING, input.costUsdMicros());
        } else if (input.kind() == Kind.BUDGET && budget.ledgerPosition() == position) {
            cause = new DecisionInput(position, DecisionKinds.INPUT_BUDGET, budget.definition().amountUsdMicros());
        } else {
            cause = new DecisionInput(position, DecisionKinds.INPUT_CLOCK, clock.toEpochMilli());
        }
        return new Trigger(position, input.decidedAt(), clock, cause);
    }
}
