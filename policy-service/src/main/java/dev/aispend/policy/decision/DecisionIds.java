package dev.aispend.policy.decision;

import io.micronaut.core.annotation.Nullable;

/**
 * Decision ids and subjects of the budget evaluator. An id is a function of what decided (kind, budget, version,
 * period, threshold) and of the ledger position that triggered it, never of time or chance: evaluating the same
 * ledger again yields the same ids, so the ledger records each decision once however often it is re-derived.
 */
public final class DecisionIds {
    private DecisionIds() {
    }

    /** {@code <kind>:<budgetId>:v<version>:<periodKey>[:<percent>]@<triggerPosition>}. */
    public static String of(String kind, String budgetId, long version, String periodKey,
                            @Nullable Integer thresholdPercent, long triggerPosition) {
        StringBuilder id = new StringBuilder(kind).append(':').append(budgetId).append(":v").append(version)
                .append(':').append(periodKey);
        if (thresholdPercent != null) {
            id.append(':').append(thresholdPercent);
        }
        return id.append('@').append(triggerPosition).toString();
    }

    /** {@code budget:<budgetId>/<periodKey>}: what a budget decision is about. */
    public static String subject(String budgetId, String periodKey) {
        return "budget:" + budgetId + "/" + periodKey;
    }
}
