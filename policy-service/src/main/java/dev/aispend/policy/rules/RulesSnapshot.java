package dev.aispend.policy.rules;

import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.budget.BudgetVersion;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules as the policy projection had them at one ledger position: the current version of every budget
 * (retired ones included; callers skip inactive ones), the rate card book, and each person's team and cost center.
 * Immutable, so a check reads one consistent set.
 *
 * @param rulesPosition the policy projection's checkpoint these rules reflect
 */
public record RulesSnapshot(long rulesPosition, List<BudgetVersion> budgets, RateCardBook rateCards,
                            Map<String, PersonAttribution> people) {
    public RulesSnapshot {
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(rateCards, "rateCards");
        Objects.requireNonNull(people, "people");
        budgets = List.copyOf(budgets);
        people = Map.copyOf(people);
    }
}
