package dev.aispend.policy.check;

import dev.aispend.platform.ledger.LedgerTransactions;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.policy.rules.CurrentRules;
import dev.aispend.policy.rules.PersonAttribution;
import dev.aispend.policy.rules.RulesSnapshot;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules the checks' integration tests set directly, in place of the policy projection's (only where a test sets
 * {@code checks.test-rules=true}, so every other test runs with the real rules). Each change moves the stored rules
 * head by one, as the projection does when the ledger changes a rule, so checks see the change the same way.
 */
@Singleton
@Replaces(CurrentRules.class)
@Requires(property = "checks.test-rules", value = "true")
public final class TestRules implements CurrentRules {
    private final List<BudgetVersion> budgets = new ArrayList<>();
    private final Map<String, PersonAttribution> people = new HashMap<>();
    private final LedgerTransactions transactions;
    private RateCardBook rateCards = RateCardBook.empty();
    private RulesSnapshot loaded;

    TestRules(LedgerTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized RulesSnapshot current() {
        long position = head("SELECT rules_position FROM policy_rules_head WHERE id = 1");
        loaded = new RulesSnapshot(position, List.copyOf(budgets), rateCards, Map.copyOf(people));
        return loaded;
    }

    @Override
    public synchronized RulesSnapshot lastLoaded() {
        return loaded != null ? loaded : current();
    }

    /**
     * Adds budgets as another instance sharing the database would see them recorded: the stored head moves, but
     * this instance's last loaded snapshot stays as it was until something asks for the current rules.
     */
    public synchronized void addElsewhere(BudgetVersion... added) {
        budgets.addAll(List.of(added));
        moveHead();
    }

    /** Moves the stored rules head on by one and loads the rules there, as this instance's projection would. */
    private void moved() {
        moveHead();
        current();
    }

    private void moveHead() {
        head("UPDATE policy_rules_head SET rules_position = rules_position + 1 WHERE id = 1 RETURNING rules_position");
    }

    /** Runs a statement that reads (or moves and returns) the stored rules head. */
    private long head(String sql) {
        return transactions.inTransaction(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet head = statement.executeQuery(sql)) {
                head.next();
                return head.getLong(1);
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    /** Adds budgets, as if the ledger had recorded them at the next position. */
    public synchronized void add(BudgetVersion... added) {
        budgets.addAll(List.of(added));
        moved();
    }

    public synchronized void attribute(PersonAttribution attribution) {
        people.put(attribution.personRef(), attribution);
        moved();
    }

    public synchronized void rateCards(RateCardBook book) {
        rateCards = book;
        moved();
    }
}
