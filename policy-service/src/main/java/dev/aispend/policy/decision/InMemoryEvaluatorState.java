package dev.aispend.policy.decision;

import dev.aispend.platform.budget.BudgetVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The evaluator's state in maps: for re-deriving decisions from a ledger (verification) and for tests. */
public final class InMemoryEvaluatorState implements EvaluatorState {
    private Instant ledgerClock;
    private final Map<String, BudgetVersion> budgets = new HashMap<>();
    private final Map<String, String> currentPeriodKeys = new HashMap<>();
    private final Map<String, Map<String, PeriodTally>> tallies = new HashMap<>();

    @Override
    public Optional<Instant> ledgerClock() {
        return Optional.ofNullable(ledgerClock);
    }

    @Override
    public void ledgerClock(Instant clock) {
        ledgerClock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Collection<BudgetVersion> budgets() {
        return List.copyOf(budgets.values());
    }

    @Override
    public Optional<BudgetVersion> budget(String budgetId) {
        return Optional.ofNullable(budgets.get(budgetId));
    }

    @Override
    public void putBudget(BudgetVersion version) {
        budgets.put(version.budgetId(), version);
    }

    @Override
    public Optional<String> currentPeriodKey(String budgetId) {
        return Optional.ofNullable(currentPeriodKeys.get(budgetId));
    }

    @Override
    public void currentPeriodKey(String budgetId, String periodKey) {
        currentPeriodKeys.put(budgetId, Objects.requireNonNull(periodKey, "periodKey"));
    }

    @Override
    public Optional<PeriodTally> tally(String budgetId, String periodKey) {
        return Optional.ofNullable(tallies.getOrDefault(budgetId, Map.of()).get(periodKey));
    }

    @Override
    public void putTally(String budgetId, PeriodTally tally) {
        tallies.computeIfAbsent(budgetId, unused -> new HashMap<>()).put(tally.periodKey(), tally);
    }

    /** Every tally of a budget, in no particular order (for tests and verification reports). */
    public List<PeriodTally> tallies(String budgetId) {
        return new ArrayList<>(tallies.getOrDefault(budgetId, Map.of()).values());
    }
}
