package dev.aispend.policy.rules;

import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy version as the ledger recorded it, with the position of its {@code PolicyChanged} entry: what the
 * API shows as a version (who, what changed, since when) and what the rules are rebuilt from.
 */
@Serdeable
public record PolicyVersion(
        String policyId,
        PolicyKind kind,
        long version,
        Map<String, Object> content,
        List<PolicyChanged.ContentChange> diff,
        String actor,
        String requestId,
        Instant effectiveFrom,
        Instant requestedAt,
        long ledgerPosition) {

    public PolicyVersion {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(actor, "actor");
        diff = diff == null ? List.of() : List.copyOf(diff);
    }

    public static PolicyVersion of(PolicyChanged changed, long ledgerPosition) {
        return new PolicyVersion(changed.policyId(), changed.kind(), changed.version(), changed.content(),
                changed.diff(), changed.actor(), changed.requestId(), changed.effectiveFrom(), changed.occurredAt(),
                ledgerPosition);
    }
}
