package dev.aispend.policy.decision;

import dev.aispend.platform.budget.BudgetVersion;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Everything the budget evaluator remembers between ledger entries. Behind an interface so the same evaluator runs
 * on PostgreSQL rows (the policy projection: evaluator_clock, budget_state, budget_period, in the transaction that
 * advances its checkpoint) and on maps (verification, tests): both must hold exactly what was put, nothing else.
 * The evaluator only reads and writes through these methods, one ledger entry at a time.
 */
public interface EvaluatorState {

    /** The latest event time seen (empty before the first entry that moves it). */
    Optional<Instant> ledgerClock();

    void ledgerClock(Instant clock);

    /** Every budget's current version, inactive ones included, in any order (the evaluator sorts by id). */
    Collection<BudgetVersion> budgets();

    Optional<BudgetVersion> budget(String budgetId);

    /** Replaces the budget's current version (or adds the budget). */
    void putBudget(BudgetVersion version);

    /** The key of the period the ledger clock was last seen in for an active budget. */
    Optional<String> currentPeriodKey(String budgetId);

    void currentPeriodKey(String budgetId, String periodKey);

    /** The tally of one budget's period; empty when nothing was counted or decided in it yet. */
    Optional<PeriodTally> tally(String budgetId, String periodKey);

    /** Replaces the tally of {@code (budgetId, tally.periodKey())}. */
    void putTally(String budgetId, PeriodTally tally);
}
