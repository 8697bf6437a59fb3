package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the decisions of one delivery and waits until the broker took every one, so the projection's checkpoint
 * commits only after its decisions are on their way to the ledger; a failure fails the delivery, which is then
 * evaluated again into the same decisions.
 */
final class DecisionSending {
    private DecisionSending() {
    }

    static void sendAll(DecisionPublisher publisher, String topic, List<PolicyDecision> decisions, Duration timeout,
                        String what, DecisionMetrics metrics) {
        List<CompletableFuture<?>> sends = new ArrayList<>(decisions.size());
        for (PolicyDecision decision : decisions) {
            sends.add(publisher.publish(topic, decision.subject(), decision));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            metrics.published(decisions);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + what + " decisions", interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("the broker did not take " + decisions.size() + " " + what
                    + " decisions; the delivery is evaluated again", failure);
        }
    }
}
