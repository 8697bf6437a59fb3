package dev.aispend.contracts.policy;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decision policy-service derived from the ledger (a threshold crossed, a badge awarded, a check denied...),
 * on {@code decisions.v1}. {@code decisionId} is the idempotency key: a decision re-derived after a restart has
 * the same id and is recorded once. Schema version 1.
 *
 * @param inputs          the ledger entries the decision was derived from, with the amounts taken from them
 * @param triggerPosition the ledger position whose application produced the decision (added as optional; null
 *                        for a decision an outside request caused, such as a pre-flight check)
 * @param evidence        what a verifier needs to re-derive the decision beyond {@code inputs}: a JSON object
 *                        whose fields depend on {@code kind} (docs/policy.md; added as optional)
 */
@Serdeable
public record PolicyDecision(
        String decisionId,
        String kind,
        String subject,
        String policyId,
        long policyVersion,
        List<DecisionInput> inputs,
        String result,
        String reason,
        Instant decidedAt,
        @Nullable Long triggerPosition,
        @Nullable Map<String, Object> evidence) {

    @Creator
    public PolicyDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (triggerPosition != null && triggerPosition < 1) {
            throw new IllegalArgumentException("triggerPosition must be at least 1, was " + triggerPosition);
        }
    }

    /** A decision of schema version 1 as first defined, without a trigger position or evidence. */
    public PolicyDecision(String decisionId, String kind, String subject, String policyId, long policyVersion,
                          List<DecisionInput> inputs, String result, String reason, Instant decidedAt) {
        this(decisionId, kind, subject, policyId, policyVersion, inputs, result, reason, decidedAt, null, null);
    }

    /** One input: the ledger position it came from, what was read there, and the amount (e.g. USD micros). */
    @Serdeable
    public record DecisionInput(long ledgerPosition, String name, long amount) {
    }
}
