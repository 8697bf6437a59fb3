package dev.aispend.contracts.policy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request to change a policy, on {@code policy-changes.v1}. The ledger records it as {@code PolicyChanged}
 * only if {@code expectedVersion} is the policy's current version (0 for a new policy), else as
 * {@code PolicyChangeRejected}: two owners editing one budget cannot overwrite each other. {@code requestId} is
 * the idempotency key. Schema version 1.
 *
 * @param content       the whole new content (a JSON object; its schema depends on {@code kind})
 * @param effectiveFrom from when the new version governs what happens (for a rate card: usage at or after it)
 */
@Serdeable
public record PolicyChangeRequest(
        String requestId,
        String policyId,
        PolicyKind kind,
        long expectedVersion,
        String actor,
        Map<String, Object> content,
        Instant effectiveFrom,
        Instant requestedAt) {

    public PolicyChangeRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative");
        }
    }
}
