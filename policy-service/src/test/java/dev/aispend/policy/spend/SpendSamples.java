package dev.aispend.policy.spend;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.usage.TokenCounts;

import java.time.Instant;

/** Spend payloads for the tests, with the fields a report reads and the rest fixed. */
final class SpendSamples {
    static final RateCardRef FIRST_CARD = new RateCardRef("rate-card", 1);
    static final RateCardRef CORRECTED_CARD = new RateCardRef("rate-card", 2);

    private SpendSamples() {
    }

    static SpendRecorded priced(String recordId, String team, String model, Instant occurredAt, long inputTokens,
                                long costUsdMicros) {
        return spend(recordId, team, model, occurredAt,
                Spend.priced(TokenCounts.of(inputTokens, 1), costUsdMicros, FIRST_CARD));
    }

    static SpendRecorded unpriced(String recordId, String team, String model, Instant occurredAt, long inputTokens) {
        return spend(recordId, team, model, occurredAt,
                Spend.unpriced(TokenCounts.of(inputTokens, 1), Spend.NO_RATE_CARD));
    }

    /** Re-prices {@code original}, recorded at {@code originalPosition}, weeks later, to {@code newCost}. */
    static SpendRepriced repricing(long originalPosition, SpendRecorded original, long newCost) {
        return new SpendRepriced("repricing-" + original.recordId(), originalPosition, original.recordId(),
                original.personRef(), original.team(), original.model(), original.spend(),
                Spend.priced(original.spend().tokens(), newCost, CORRECTED_CARD), "finance@example",
                "rate card corrected", original.occurredAt(), original.occurredAt().plusSeconds(21 * 86_400));
    }

    private static SpendRecorded spend(String recordId, String team, String model, Instant occurredAt, Spend spend) {
        return new SpendRecorded(recordId, "prs_" + team, team, null, null, model, spend, null, null, "api", null,
                null, occurredAt, occurredAt, "f".repeat(64));
    }
}
