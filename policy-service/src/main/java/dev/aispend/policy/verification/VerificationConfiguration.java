package dev.aispend.policy.verification;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Limits of re-derivation ({@code policy.verification.*}): the longest position range one job may verify
 * ({@code POLICY_VERIFICATION_MAX_RANGE}); a job reads the ledger from position 1 whatever its range, since
 * decisions depend on everything before them; and the most recorded checks in the range one job re-derives
 * ({@code POLICY_VERIFICATION_MAX_CHECKS}): what each needs from the replay is held until the replay reaches it,
 * a few hundred bytes a check, so a range with more fails with a message asking for a shorter one instead of
 * exhausting the heap.
 */
@ConfigurationProperties("policy.verification")
public record VerificationConfiguration(@Nullable Long maxRange, @Nullable Integer maxChecks) {
    public VerificationConfiguration {
        maxRange = maxRange == null ? 50_000_000L : maxRange;
        maxChecks = maxChecks == null ? 300_000 : maxChecks;
        if (maxRange < 1) {
            throw new IllegalArgumentException("policy.verification.max-range must be positive");
        }
        if (maxChecks < 1) {
            throw new IllegalArgumentException("policy.verification.max-checks must be positive");
        }
    }
}
