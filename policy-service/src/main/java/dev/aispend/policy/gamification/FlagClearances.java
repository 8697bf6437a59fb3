package dev.aispend.policy.gamification;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.policy.decision.DecisionPublisher;
import dev.aispend.policy.decision.GamificationDecisions;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reviewer clears a flag: a decision of its own in the ledger ({@code ANOMALY_CLEARED}), naming the flag, the
 * actor and the reason. Its id is the flag's ({@code ANOMALY_CLEARED:<flag id>}), so a flag is cleared once
 * however often the request is sent. It is an outside request, not derived from the ledger: verification checks
 * that the flag it clears was recorded before it.
 */
@Singleton
public class FlagClearances {
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final DecisionPublisher publisher;
    private final TopicNames topics;
    private final Clock clock = Clock.systemUTC();

    FlagClearances(DecisionPublisher publisher, TopicNames topics) {
        this.publisher = publisher;
        this.topics = topics;
    }

    /** Sends the clearing of {@code flag} (a row of {@link GamificationQueries#flag}); returns its decision id. */
    public String clear(Map<String, Object> flag, String actor, String reason) {
        String flagId = flag.get("decisionId").toString();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("flagDecisionId", flagId);
        evidence.put("flagPosition", ((Number) flag.get("ledgerPosition")).longValue());
        evidence.put("actor", actor);
        evidence.put("reason", reason);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PolicyDecision clearing = new PolicyDecision(GamificationDecisions.ANOMALY_CLEARED + ":" + flagId,
                GamificationDecisions.ANOMALY_CLEARED, "person:" + flag.get("personRef"),
                flag.get("ruleId").toString(), ((Number) flag.get("ruleVersion")).longValue(), List.of(),
                GamificationDecisions.CLEARED, "cleared by " + actor + ": " + reason, now, null, evidence);
        try {
            publisher.publish(topics.decisions(), clearing.subject(), clearing)
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a clearing", interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("the broker did not take the clearing of " + flagId, failure);
        }
        return clearing.decisionId();
    }
}
