package dev.aispend.policy.rules;

import dev.aispend.contracts.policy.PolicyKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the ledger did with one policy change request: {@code RECORDED} as {@code version}, or {@code REJECTED}
 * because the policy was at {@code currentVersion} (a stale expectation) or for {@code reason}.
 */
@Serdeable
public record ChangeStatus(
        String requestId,
        String policyId,
        PolicyKind kind,
        Outcome status,
        long expectedVersion,
        @Nullable Long version,
        @Nullable Long currentVersion,
        @Nullable String reason,
        String actor,
        long ledgerPosition) {

    /** PENDING is never stored: it is what the API says while the ledger has not answered yet. */
    public enum Outcome { PENDING, RECORDED, REJECTED }

    public boolean versionConflict() {
        return status == Outcome.REJECTED && "VERSION_CONFLICT".equals(reason);
    }
}
