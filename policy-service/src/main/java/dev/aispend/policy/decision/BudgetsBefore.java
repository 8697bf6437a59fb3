package dev.aispend.policy.decision;

import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.policy.rules.PolicyStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The budgets in force before a delivery, kept parsed from one delivery to the next. Reading and parsing every
 * budget version for every delivery was a quarter of policy-service's allocation while it answered checks (each
 * check's decision comes back from the ledger as a small delivery of its own), and its collections are the checks'
 * tail. The versions recorded before a position are a function of the ledger prefix, rows are only ever added (or
 * all deleted for a rebuild), so their count and last position, read in the delivery's own transaction, say whether
 * the kept ones are still the ones a full read would give; otherwise they are read again.
 */
final class BudgetsBefore {
    private final PolicyStore store;
    private PolicyStore.BudgetVersionsMark keptFor;
    private Map<String, BudgetVersion> kept;

    BudgetsBefore(PolicyStore store) {
        this.store = store;
    }

    /** Each budget's latest readable version recorded before {@code position}, unmodifiable (the state copies it). */
    synchronized Map<String, BudgetVersion> at(Connection connection, long position) throws SQLException {
        PolicyStore.BudgetVersionsMark now = store.budgetVersionsBefore(connection, position);
        if (!now.equals(keptFor)) {
            kept = Map.copyOf(JdbcEvaluatorState.latestReadable(store.budgetsBefore(connection, position)));
            keptFor = now;
        }
        return kept;
    }
}
