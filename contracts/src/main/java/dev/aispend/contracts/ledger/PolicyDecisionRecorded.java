package dev.aispend.contracts.ledger;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A policy decision recorded in the ledger (schema version 1): which policy version decided what about whom,
 * from which ledger entries (positions and amounts), and why. Compliance re-derives it from those inputs.
 * {@code triggerPosition} and {@code evidence} were added as optional ({@link PolicyDecision}).
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
        String contentSha256,
        @Nullable Long triggerPosition,
        @Nullable Map<String, Object> evidence) implements LedgerPayload {

    @Creator
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

    /** A recorded decision of schema version 1 as first defined, without a trigger position or evidence. */
    public PolicyDecisionRecorded(String decisionId, String kind, String subject, String policyId,
                                  long policyVersion, List<PolicyDecision.DecisionInput> inputs, String result,
                                  String reason, Instant occurredAt, String contentSha256) {
        this(decisionId, kind, subject, policyId, policyVersion, inputs, result, reason, occurredAt,
                contentSha256, null, null);
    }

    /** The decision as it was sent on decisions.v1, to compare a recorded decision with a re-derived one. */
    public PolicyDecision decision() {
        return new PolicyDecision(decisionId, kind, subject, policyId, policyVersion, inputs, result, reason,
                occurredAt, triggerPosition, evidence);
    }

    public static PolicyDecisionRecorded of(PolicyDecision decision, String contentSha256) {
        return new PolicyDecisionRecorded(decision.decisionId(), decision.kind(), decision.subject(),
                decision.policyId(), decision.policyVersion(), decision.inputs(), decision.result(),
                decision.reason(), decision.decidedAt(), contentSha256, decision.triggerPosition(),
                decision.evidence());
    }
}
