package dev.aispend.policy.verification;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a re-derivation found: how many recorded decisions the fresh evaluator derived identically, and every
 * difference (up to {@link DecisionComparison#MAX_LISTED} of each kind; the counts are always complete).
 *
 * @param mismatches decisions with the same id but other content, both sides shown
 * @param missing    decisions the evaluator derives that the ledger does not hold
 * @param extra      decisions the ledger holds that the evaluator does not derive
 */
@Serdeable
public record VerificationResult(long fromPosition, long toPosition, long entriesRead, long matches,
                                 long mismatchCount, long missingCount, long extraCount,
                                 List<Mismatch> mismatches, List<PolicyDecision> missing,
                                 List<PolicyDecision> extra) {

    public boolean verified() {
        return mismatchCount == 0 && missingCount == 0 && extraCount == 0;
    }

    /** One decision id whose recorded content differs from the re-derived one. */
    @Serdeable
    public record Mismatch(String decisionId, @Nullable Long recordedAtPosition, PolicyDecision recorded,
                           PolicyDecision rederived) {
    }
}
