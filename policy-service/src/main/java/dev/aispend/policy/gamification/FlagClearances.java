package dev.aispend.policy.gamification;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerTransactions;
import dev.aispend.policy.decision.DecisionPublisher;
import dev.aispend.policy.decision.GamificationDecisions;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reviewer clears a flag: a decision of its own in the ledger ({@code ANOMALY_CLEARED}), naming the flag, the
 * actor and the reason. Its id is the flag's ({@code ANOMALY_CLEARED:<flag id>}), so a flag is cleared once. The
 * decision is stored before it is sent: the same clearing asked again (a retry) sends the very same decision, and
 * another one while the first is on its way is refused, so the ledger never receives one id with two contents. It
 * is an outside request, not derived from the ledger: verification checks that the flag it clears came before it.
 */
@Singleton
public class FlagClearances {
    private static final long SEND_TIMEOUT_SECONDS = 10;

    /** The clearing to send, or empty when another reviewer's clearing of the flag was sent first. */
    public record Clearing(String decisionId, String actor) {
    }

    private final DecisionPublisher publisher;
    private final TopicNames topics;
    private final LedgerTransactions transactions;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    FlagClearances(DecisionPublisher publisher, TopicNames topics, LedgerTransactions transactions, JsonMapper json) {
        this.publisher = publisher;
        this.topics = topics;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Sends the clearing of {@code flag} (a row of {@link GamificationQueries#flag}); empty when a clearing by
     * another actor or for another reason was sent before (the caller answers 409).
     */
    public Optional<Clearing> clear(Map<String, Object> flag, String actor, String reason) {
        String flagId = flag.get("decisionId").toString();
        PolicyDecision stored = stored(flagId, decision(flag, actor, reason));
        if (!actor.equals(stored.evidence().get("actor")) || !reason.equals(stored.evidence().get("reason"))) {
            return Optional.empty();
        }
        try {
            publisher.publish(topics.decisions(), stored.subject(), stored)
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a clearing", interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("the broker did not take the clearing of " + flagId, failure);
        }
        return Optional.of(new Clearing(stored.decisionId(), actor));
    }

    private PolicyDecision decision(Map<String, Object> flag, String actor, String reason) {
        String flagId = flag.get("decisionId").toString();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("flagDecisionId", flagId);
        evidence.put("flagPosition", ((Number) flag.get("ledgerPosition")).longValue());
        evidence.put("actor", actor);
        evidence.put("reason", reason);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new PolicyDecision(GamificationDecisions.ANOMALY_CLEARED + ":" + flagId,
                GamificationDecisions.ANOMALY_CLEARED, "person:" + flag.get("personRef"),
                flag.get("ruleId").toString(), ((Number) flag.get("ruleVersion")).longValue(), List.of(),
                GamificationDecisions.CLEARED, "cleared by " + actor + ": " + reason, now, null, evidence);
    }

    /** Stores {@code fresh} unless a clearing of the flag is stored already; returns the stored one. */
    private PolicyDecision stored(String flagId, PolicyDecision fresh) {
        String decisionJson = write(fresh);
        String storedJson = transactions.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO anomaly_clearing_request (flag_decision_id, actor, reason, decision)
                    VALUES (?, ?, ?, ?) ON CONFLICT (flag_decision_id) DO UPDATE SET decision =
                        anomaly_clearing_request.decision
                    RETURNING decision""")) {
                upsert.setString(1, flagId);
                upsert.setString(2, fresh.evidence().get("actor").toString());
                upsert.setString(3, fresh.evidence().get("reason").toString());
                upsert.setString(4, decisionJson);
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("could not store the clearing of " + flagId, failure);
            }
        });
        try {
            return json.readValue(storedJson, PolicyDecision.class);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private String write(PolicyDecision decision) {
        try {
            return json.writeValueAsString(decision);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
