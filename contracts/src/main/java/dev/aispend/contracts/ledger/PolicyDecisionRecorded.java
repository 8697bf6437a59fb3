package dev.aispend.contracts.ledger;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A policy decision recorded in the ledger (schema version 1): which policy version decided what about whom,
 * from which ledger entries (positions and amounts), and why. Compliance re-derives it from those inputs.
 */
@Serdeable
public record PolicyDecisionRecorded(
        String decisionId,
        String kind,
        String subject,
        String policyId,
        long policyVersion,
        List<PolicyDecision.DecisionInput> inputs,
        String result,
        String reason,
        Instant occurredAt,
        String contentSha256) implements LedgerPayload {

    public PolicyDecisionRecorded {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(contentSha256, "contentSha256");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    public static PolicyDecisionRecorded of(PolicyDecision decision, String contentSha256) {
        return new PolicyDecisionRecorded(decision.decisionId(), decision.kind(), decision.subject(),
                decision.policyId(), decision.policyVersion(), decision.inputs(), decision.result(),
                decision.reason(), decision.decidedAt(), contentSha256);
    }
}
