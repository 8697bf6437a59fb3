package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyDecision.DecisionInput;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long seeded random ledgers, each decision judged against {@link BudgetOracle}'s plain sums: a decision holds
 * when it is made, it is not made twice without a new budget version arming it again, it is made wherever it
 * holds, resets happen exactly when the clock changes period, and a fresh evaluation yields the same list.
 */
class BudgetEvaluatorPropertyTest {
    private static final int ENTRIES = 4_000;

    /** Per decision key (kind, budget, period, threshold): the positions it was last decided and last re-armed. */
    private final Map<String, Long> lastDecided = new HashMap<>();
    private final Map<String, Long> lastRearmed = new HashMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private int decidedAgain;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, 90_210})
    void decisions_hold_are_complete_and_reproducible(long seed) {
        List<LedgerEvent> events = RandomLedger.generate(seed, ENTRIES);
        BudgetOracle oracle = new BudgetOracle();
        InMemoryEvaluatorState state = new InMemoryEvaluatorState();
        BudgetEvaluator evaluator = new BudgetEvaluator();
        List<PolicyDecision> all = new ArrayList<>();

        for (LedgerEvent event : events) {
            oracle.step(event);
            List<PolicyDecision> decisions = evaluator.apply(state, event);
            rearmed(oracle, event.position());
            checkResets(oracle, event.position(), decisions);
            for (PolicyDecision decision : decisions) {
                checkHolds(oracle, event.position(), decision);
                kinds.merge(decision.kind(), 1, Integer::sum);
            }
            checkComplete(oracle, event.position());
            all.addAll(decisions);
        }

        assertThat(EvaluatorLedger.evaluate(events)).isEqualTo(all);
        assertThat(kinds).as("every kind exercised").containsKeys(DecisionKinds.THRESHOLD_CROSSED,
                DecisionKinds.EXHAUSTED, DecisionKinds.FORECAST_EXHAUSTION, DecisionKinds.PERIOD_RESET);
        assertThat(decidedAgain).as("decisions made again after a re-arm").isPositive();
    }

    /** A new active version arms again, in the clock's period, whatever no longer holds there. */
    private void rearmed(BudgetOracle oracle, long position) {
        if (oracle.installed() == null) {
            return;
        }
        BudgetVersion budget = oracle.version(oracle.installed());
        BudgetDefinition definition = budget.definition();
        PeriodWindow window = definition.period().windowOf(oracle.clock());
        long spent = oracle.spent(budget.budgetId(), window.key());
        for (int percent = 1; percent <= 100; percent++) {
            if (spent * 100 < definition.amountUsdMicros() * percent) {
                lastRearmed.put(key(DecisionKinds.THRESHOLD_CROSSED, budget.budgetId(), window.key(), percent),
                        position);
            }
        }
        if (spent < definition.amountUsdMicros()) {
            lastRearmed.put(key(DecisionKinds.EXHAUSTED, budget.budgetId(), window.key(), 0), position);
        }
        if (!BudgetOracle.forecastHolds(window, oracle.clock(), spent, definition.amountUsdMicros())) {
            lastRearmed.put(key(DecisionKinds.FORECAST_EXHAUSTION, budget.budgetId(), window.key(), 0), position);
        }
    }

    /** Exactly the active budgets (under the version before this entry) whose clock period changed reset. */
    private void checkResets(BudgetOracle oracle, long position, List<PolicyDecision> decisions) {
        List<String> expected = new ArrayList<>();
        if (oracle.clockMoved() && oracle.previousClock() != null) {
            new TreeMap<>(oracle.previousVersions()).forEach((budgetId, budget) -> {
                String before = budget.definition().period().windowOf(oracle.previousClock()).key();
                String now = budget.definition().period().windowOf(oracle.clock()).key();
                if (budget.definition().active() && !before.equals(now)) {
                    expected.add(budgetId + "/" + now + " after " + before + " spent " + oracle.spent(budgetId,
                            before) + " v" + budget.version());
                }
            });
        }
        List<String> actual = decisions.stream().filter(d -> d.kind().equals(DecisionKinds.PERIOD_RESET))
                .map(d -> d.policyId() + "/" + d.evidence().get("periodKey") + " after "
                        + d.evidence().get("previousPeriodKey") + " spent "
                        + d.evidence().get("previousSpentUsdMicros") + " v" + d.policyVersion()).toList();
        assertThat(actual).as("resets at %d", position).isEqualTo(expected);
    }

    private void checkHolds(BudgetOracle oracle, long position, PolicyDecision decision) {
        assertThat(decision.triggerPosition()).isEqualTo(position);
        if (decision.kind().equals(DecisionKinds.PERIOD_RESET)) {
            return;
        }
        BudgetVersion budget = oracle.version(decision.policyId());
        BudgetDefinition definition = budget.definition();
        String periodKey = (String) decision.evidence().get("periodKey");
        long spent = oracle.spent(budget.budgetId(), periodKey);
        long amount = definition.amountUsdMicros();
        assertThat(definition.active()).isTrue();
        assertThat(decision.policyVersion()).isEqualTo(budget.version());
        assertThat(decision.inputs()).contains(new DecisionInput(budget.ledgerPosition(), "budget:amount", amount),
                new DecisionInput(position, "period:spent", spent));
        int percent = 0;
        switch (decision.kind()) {
            case DecisionKinds.THRESHOLD_CROSSED -> {
                percent = (Integer) decision.evidence().get("thresholdPercent");
                assertThat(definition.softThresholdsPercent()).contains(percent);
                assertThat(spent * 100).as(decision.decisionId()).isGreaterThanOrEqualTo(amount * percent);
            }
            case DecisionKinds.EXHAUSTED -> assertThat(spent).as(decision.decisionId()).isGreaterThanOrEqualTo(amount);
            case DecisionKinds.FORECAST_EXHAUSTION -> {
                PeriodWindow window = definition.period().windowOf(oracle.clock());
                assertThat(periodKey).isEqualTo(window.key());
                assertThat(BudgetOracle.forecastHolds(window, oracle.clock(), spent, amount)).isTrue();
                assertThat(Instant.parse((String) decision.evidence().get("projectedExhaustionAt")))
                        .isBeforeOrEqualTo(window.end());
            }
            default -> throw new AssertionError("unexpected kind " + decision.kind());
        }
        String key = key(decision.kind(), budget.budgetId(), periodKey, percent);
        Long before = lastDecided.put(key, position);
        if (before != null) {
            assertThat(lastRearmed.get(key)).as("re-armed before deciding %s again", decision.decisionId())
                    .isNotNull().isGreaterThan(before);
            decidedAgain++;
        }
    }

    /** Wherever this entry evaluated a budget's period and a decision holds, it was made since last armed. */
    private void checkComplete(BudgetOracle oracle, long position) {
        oracle.versions().forEach((budgetId, budget) -> {
            BudgetDefinition definition = budget.definition();
            if (!definition.active()) {
                return;
            }
            PeriodWindow current = definition.period().windowOf(oracle.clock());
            List<String> evaluated = new ArrayList<>();
            if (oracle.counted().containsKey(budgetId)) {
                evaluated.add(oracle.counted().get(budgetId));
            }
            if (budgetId.equals(oracle.installed())) {
                evaluated.add(current.key());
            }
            long amount = definition.amountUsdMicros();
            for (String periodKey : evaluated) {
                long spent = oracle.spent(budgetId, periodKey);
                for (int percent : definition.softThresholdsPercent()) {
                    if (spent * 100 >= amount * percent) {
                        assertMade(key(DecisionKinds.THRESHOLD_CROSSED, budgetId, periodKey, percent), position);
                    }
                }
                if (spent >= amount) {
                    assertMade(key(DecisionKinds.EXHAUSTED, budgetId, periodKey, 0), position);
                }
            }
            boolean forecastEvaluated = oracle.clockMoved() || !evaluated.isEmpty();
            if (definition.forecastAlert() && forecastEvaluated && BudgetOracle.forecastHolds(current,
                    oracle.clock(), oracle.spent(budgetId, current.key()), amount)) {
                assertMade(key(DecisionKinds.FORECAST_EXHAUSTION, budgetId, current.key(), 0), position);
            }
        });
    }

    private void assertMade(String key, long position) {
        Long decided = lastDecided.get(key);
        Long rearmed = lastRearmed.get(key);
        assertThat(decided).as("%s holds at %d but was never decided", key, position).isNotNull();
        if (rearmed != null) {
            assertThat(decided).as("%s holds at %d but was not decided since re-armed at %d", key, position,
                    rearmed).isGreaterThan(rearmed);
        }
    }

    private static String key(String kind, String budgetId, String periodKey, int percent) {
        return kind + " " + budgetId + " " + periodKey + " " + percent;
    }
}
