package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.policy.rules.PolicyProjection;
import dev.aispend.policy.rules.PolicyStore;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget evaluator inside the policy projection's transaction: evaluates a delivery entry by entry on the
 * state in PostgreSQL, sends the decisions to {@code decisions.v1} and waits for the broker's acknowledgement,
 * then writes the state; the checkpoint advances after. Should anything fail, the transaction rolls back and the
 * delivery is evaluated again from the same state into the same decisions (same ids, same content), which the
 * ledger records once: a decision is never lost and never doubled.
 */
@Singleton
public class BudgetEvaluation implements PolicyProjection.LedgerStep {
    private final BudgetEvaluator evaluator = new BudgetEvaluator();
    private final BudgetsBefore budgetsBefore;
    private final DecisionPublisher publisher;
    private final TopicNames topics;
    private final Duration sendTimeout;
    private final DecisionMetrics metrics;

    BudgetEvaluation(PolicyStore store, DecisionPublisher publisher, TopicNames topics,
                     @Value("${policy.decisions.send-timeout:30s}") Duration sendTimeout, DecisionMetrics metrics) {
        this.budgetsBefore = new BudgetsBefore(store);
        this.publisher = publisher;
        this.topics = topics;
        this.sendTimeout = sendTimeout;
        this.metrics = metrics;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        try {
            long first = events.get(0).position();
            JdbcEvaluatorState state = new JdbcEvaluatorState(connection, budgetsBefore.at(connection, first));
            List<PolicyDecision> decisions = new ArrayList<>();
            for (LedgerEvent event : events) {
                decisions.addAll(evaluator.apply(state, event));
            }
            DecisionSending.sendAll(publisher, topics.decisions(), decisions, sendTimeout, "budget", metrics);
            state.flush();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not evaluate budgets through position "
                    + events.get(events.size() - 1).position(), failure);
        }
    }

    @Override
    public void reset(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM evaluator_clock");
            statement.executeUpdate("DELETE FROM budget_state");
            // Reservations (checks) are kept: a rebuild recounts the spend, not what callers hold.
            statement.executeUpdate("UPDATE budget_period SET spent_usd_micros = 0, spent_as_of_position = 0, "
                    + "crossed_thresholds = '{}', exhausted = FALSE, forecast_alerted = FALSE");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not reset the budget evaluator's state", failure);
        }
    }
}
