package dev.aispend.policy.changes;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.policy.rules.ChangeStatus;
import dev.aispend.policy.rules.PolicyStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns an API change into a {@link PolicyChangeRequest} on {@code policy-changes.v1} and waits, bounded, for the
 * ledger's answer as the policy projection records it. The ledger alone decides: a version conflict is a
 * {@code PolicyChangeRejected} in the ledger, never a local refusal, so every attempt is on record. A rule takes
 * effect at its ledger position; the API answers only once it has one (or 202 while it has not).
 */
@Singleton
public class PolicyChanges {
    private final PolicyChangePublisher publisher;
    private final TopicNames topics;
    private final PolicyStore store;
    private final PolicyChangeConfiguration configuration;
    private final SubmittedChanges submitted;

    PolicyChanges(PolicyChangePublisher publisher, TopicNames topics, PolicyStore store,
                  PolicyChangeConfiguration configuration, SubmittedChanges submitted) {
        this.submitted = submitted;
        this.publisher = publisher;
        this.topics = topics;
        this.store = store;
        this.configuration = configuration;
    }

    /** A change as the API received it; {@code requestId} null means a new one. */
    public record Change(String policyId, PolicyKind kind, long expectedVersion, String actor,
                         Map<String, Object> content, Instant effectiveFrom) {
    }

    /** Sends the change and returns the ledger's answer, or PENDING (with the request id) past the bound. */
    public ChangeStatus submit(Change change, Instant requestedAt) {
        String requestId = "chg_" + UUID.randomUUID();
        PolicyChangeRequest request = new PolicyChangeRequest(requestId, change.policyId(), change.kind(),
                change.expectedVersion(), change.actor(), change.content(), change.effectiveFrom(), requestedAt);
        submitted.remember(request);
        try {
            send(request);
        } catch (BrokerUnavailableException notSent) {
            submitted.forget(request.requestId()); // Never sent: its status link must not say PENDING forever.
            throw notSent;
        }
        return awaitAnswer(request);
    }

    /** Sends a request as it is (the seed's fixed ids), waiting for the broker's acknowledgement only. */
    public void send(PolicyChangeRequest request) {
        try {
            publisher.publish(topics.policyChanges(), request.policyId(), request)
                    .get(configuration.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while sending the policy change", interrupted);
        } catch (ExecutionException | TimeoutException | RuntimeException failure) {
            throw new BrokerUnavailableException("the broker did not take the policy change", failure);
        }
    }

    private ChangeStatus awaitAnswer(PolicyChangeRequest request) {
        long deadline = System.nanoTime() + configuration.answerTimeout().toNanos();
        while (true) {
            Optional<ChangeStatus> answer = store.status(request.requestId());
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                return pending(request);
            }
            try {
                // Polls the database, not an in-process signal: the projection may run on another instance.
                Thread.sleep(configuration.answerPollInterval().toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return pending(request);
            }
        }
    }

    private static ChangeStatus pending(PolicyChangeRequest request) {
        return new ChangeStatus(request.requestId(), request.policyId(), request.kind(),
                ChangeStatus.Outcome.PENDING, request.expectedVersion(), null, null, null, request.actor(), 0);
    }
}
