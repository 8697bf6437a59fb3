package dev.aispend.testsupport.ledger;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.usage.TokenCounts;

import java.time.Instant;

/**
 * Spend payloads for the followers' tests: only the fields a read model groups or sums by are parameters (record,
 * team, model, time of use, input tokens, cost); every other field is fixed, so a test says only what it is about.
 */
public final class SpendMother {
    public static final RateCardRef FIRST_CARD = new RateCardRef("rate-card", 1);
    public static final RateCardRef CORRECTED_CARD = new RateCardRef("rate-card", 2);

    private SpendMother() {
    }

    /** Spend the first rate card priced at {@code costUsdMicros}; one output token. */
    public static SpendRecorded priced(String recordId, String team, String model, Instant occurredAt,
                                       long inputTokens, long costUsdMicros) {
        return spend(recordId, team, model, occurredAt,
                Spend.priced(TokenCounts.of(inputTokens, 1), costUsdMicros, FIRST_CARD));
    }

    /** Spend no rate card covered when it was recorded: cost 0; one output token. */
    public static SpendRecorded unpriced(String recordId, String team, String model, Instant occurredAt,
                                         long inputTokens) {
        return spend(recordId, team, model, occurredAt,
                Spend.unpriced(TokenCounts.of(inputTokens, 1), Spend.NO_RATE_CARD));
    }

    /**
     * Re-prices {@code original}, recorded at {@code originalPosition}, three weeks later, to {@code newCost} by
     * the corrected card: the first price of unpriced spend, or a correction of a priced one. Like the ledger's, it
     * carries the original's attribution, cost center, provider and purpose included.
     */
    public static SpendRepriced repricing(long originalPosition, SpendRecorded original, long newCost) {
        return new SpendRepriced("repricing-" + original.recordId(), originalPosition, original.recordId(),
                original.personRef(), original.team(), original.model(), original.spend(),
                Spend.priced(original.spend().tokens(), newCost, CORRECTED_CARD), "finance@example",
                "rate card corrected", original.occurredAt(), original.occurredAt().plusSeconds(21 * 86_400),
                original.costCenter(), original.provider(), original.purpose());
    }

    private static SpendRecorded spend(String recordId, String team, String model, Instant occurredAt, Spend spend) {
        return new SpendRecorded(recordId, "prs_" + team, team, null, null, model, spend, null, null, "api", null,
                null, occurredAt, occurredAt, "f".repeat(64), null);
    }
}
