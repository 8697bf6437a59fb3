package dev.aispend.platform.budget;

import java.util.Objects;

/**
 * A budget version as the ledger recorded it: the policy id and version, the ledger position of its
 * {@code PolicyChanged} entry (it governs from the next position on, never before) and its definition.
 */
public record BudgetVersion(String budgetId, long version, long ledgerPosition, BudgetDefinition definition) {
    public BudgetVersion {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(definition, "definition");
        if (version < 1 || ledgerPosition < 1) {
            throw new IllegalArgumentException("version and ledgerPosition start at 1");
        }
    }
}
