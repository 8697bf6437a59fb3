package dev.aispend.contracts.ledger;

import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A policy change request the ledger refused (schema version 1): it expected {@code expectedVersion} but the
 * policy was at {@code currentVersion} (someone else changed it first), or its content was invalid
 * ({@code reason}). Kept in the ledger so a policy owner and an auditor see every attempt.
 */
@Serdeable
public record PolicyChangeRejected(
        String requestId,
        String policyId,
        PolicyKind kind,
        long expectedVersion,
        long currentVersion,
        String actor,
        Map<String, Object> content,
        Instant effectiveFrom,
        String reason,
        Instant occurredAt,
        String requestSha256) implements LedgerPayload {

    public static final String VERSION_CONFLICT = "VERSION_CONFLICT";

    public PolicyChangeRejected {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestSha256, "requestSha256");
    }
}
