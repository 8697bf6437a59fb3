package dev.aispend.policy.rules;

import dev.aispend.contracts.ledger.IdentityLinked;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerProjection;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The "policy" projection of ledger.v1: policy versions as the ledger recorded them, what became of each change
 * request, people's attribution, and then whatever else follows the ledger in the same transaction
 * ({@link LedgerStep}s: the budget evaluator, reservation settlement). One projection and one checkpoint for all
 * of them, so the rules the evaluator applies at a position are exactly the ledger's rules at that position.
 */
@Singleton
public class PolicyProjection implements LedgerProjection {
    public static final String NAME = "policy";

    private final PolicyStore store;
    private final List<LedgerStep> steps;

    PolicyProjection(PolicyStore store, List<LedgerStep> steps) {
        this.store = store;
        // Sorted here rather than trusted to injection order: the evaluator writes before settlement.
        this.steps = steps.stream().sorted(java.util.Comparator.comparingInt(LedgerStep::order)).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        try {
            long rulesChangedAt = 0;
            for (LedgerEvent event : events) {
                if (event.payload() instanceof PolicyChanged changed) {
                    store.recordVersion(connection, changed, event.position());
                    rulesChangedAt = event.position();
                } else if (event.payload() instanceof PolicyChangeRejected rejected) {
                    store.recordRejection(connection, rejected, event.position());
                } else if (event.payload() instanceof IdentityLinked link) {
                    store.recordLink(connection, link, event.position());
                    rulesChangedAt = event.position();
                }
            }
            if (rulesChangedAt > 0) {
                store.advanceRulesHead(connection, rulesChangedAt);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not record the policy entries up to position "
                    + events.get(events.size() - 1).position(), failure);
        }
        for (LedgerStep step : steps) {
            step.apply(connection, events);
        }
    }

    @Override
    public void reset(Connection connection) {
        try {
            store.reset(connection);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not empty the policy tables", failure);
        }
        for (LedgerStep step : steps) {
            step.reset(connection);
        }
    }

    /**
     * Something else that follows the ledger inside the policy projection's transaction, after the rules of
     * the same entries are written.
     */
    public interface LedgerStep {
        /** Steps run in ascending order. */
        int order();

        void apply(Connection connection, List<LedgerEvent> events);

        void reset(Connection connection);
    }
}
