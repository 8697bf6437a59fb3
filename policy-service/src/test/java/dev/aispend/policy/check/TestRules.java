package dev.aispend.policy.check;

import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.policy.budget.BudgetVersion;
import dev.aispend.policy.rules.CurrentRules;
import dev.aispend.policy.rules.PersonAttribution;
import dev.aispend.policy.rules.RulesSnapshot;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules the checks' integration tests set directly, in place of the policy projection's (only where a test sets
 * {@code checks.test-rules=true}, so every other test runs with the real rules).
 */
@Singleton
@Replaces(CurrentRules.class)
@Requires(property = "checks.test-rules", value = "true")
public final class TestRules implements CurrentRules {
    private final List<BudgetVersion> budgets = new ArrayList<>();
    private final Map<String, PersonAttribution> people = new HashMap<>();
    private RateCardBook rateCards = RateCardBook.empty();
    private long position;

    @Override
    public synchronized RulesSnapshot current() {
        return new RulesSnapshot(position, budgets, rateCards, people);
    }

    /** Adds budgets, as if the ledger had recorded them at the next position. */
    public synchronized void add(BudgetVersion... added) {
        budgets.addAll(List.of(added));
        position++;
    }

    public synchronized void attribute(PersonAttribution attribution) {
        people.put(attribution.personRef(), attribution);
        position++;
    }

    public synchronized void rateCards(RateCardBook book) {
        rateCards = book;
        position++;
    }
}
