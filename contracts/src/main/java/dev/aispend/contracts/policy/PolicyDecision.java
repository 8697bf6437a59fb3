package dev.aispend.contracts.policy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A decision policy-service derived from the ledger (a threshold crossed, a badge awarded, a check denied...),
 * on {@code decisions.v1}. {@code decisionId} is the idempotency key: a decision re-derived after a restart has
 * the same id and is recorded once. Schema version 1.
 *
 * @param inputs the ledger entries the decision was derived from, with the amounts taken from them
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
        Instant decidedAt) {

    public PolicyDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** One input: the ledger position it came from, what was read there, and the amount (e.g. USD micros). */
    @Serdeable
    public record DecisionInput(long ledgerPosition, String name, long amount) {
    }
}
