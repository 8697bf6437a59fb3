package dev.aispend.ledger.repricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a re-pricing: how many spend records it corrected, how many it left as they were (already at
 * this price and card), how many it skipped because their provider is not the card's, the sum of the cost
 * changes, and the positions of the corrections. {@code alreadyRecorded}: this repricingId had been applied
 * before, and these are the counts of that application; nothing was appended now.
 */
@Serdeable
public record RepricingResult(
        String repricingId,
        int repriced,
        int unchanged,
        int skippedOtherProvider,
        long costDeltaUsdMicros,
        AppendedPositions positions,
        boolean alreadyRecorded) {

    /**
     * Where the corrections are: one appending transaction records them at consecutive positions, so the first,
     * the last and the count describe them all without listing up to max-records numbers.
     */
    @Serdeable
    public record AppendedPositions(@Nullable Long first, @Nullable Long last, int count) {

        static AppendedPositions none() {
            return new AppendedPositions(null, null, 0);
        }
    }
}
