package dev.aispend.policy.verification;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Limits of re-derivation ({@code policy.verification.*}): the longest position range one job may verify
 * ({@code POLICY_VERIFICATION_MAX_RANGE}); a job reads the ledger from position 1 whatever its range, since
 * decisions depend on everything before them.
 */
@ConfigurationProperties("policy.verification")
public record VerificationConfiguration(@Nullable Long maxRange) {
    public VerificationConfiguration {
        maxRange = maxRange == null ? 50_000_000L : maxRange;
        if (maxRange < 1) {
            throw new IllegalArgumentException("policy.verification.max-range must be positive");
        }
    }
}
