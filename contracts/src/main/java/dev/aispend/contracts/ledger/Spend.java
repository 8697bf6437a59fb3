package dev.aispend.contracts.ledger;

import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;

/**
 * What one use of a model cost: tokens by type and the ledger's price for them in integer USD micros, with the
 * rate card version that priced it. Unpriced spend (no card covered the model when it was recorded, or the
 * product overflowed) has cost 0, no card, and {@code unpricedReason}; it is recorded, never dropped, and gets a
 * price later only through an explicit, recorded re-pricing ({@code SpendRepriced}).
 */
@Serdeable
public record Spend(TokenCounts tokens, long costUsdMicros, @Nullable RateCardRef rateCard,
                    @Nullable String unpricedReason) {
    public static final String NO_RATE_CARD = "NO_RATE_CARD";
    public static final String COST_OVERFLOW = "COST_OVERFLOW";

    public Spend {
        Objects.requireNonNull(tokens, "tokens");
        if (costUsdMicros < 0) {
            throw new IllegalArgumentException("costUsdMicros must not be negative, was " + costUsdMicros);
        }
        if ((rateCard == null) == (unpricedReason == null)) {
            throw new IllegalArgumentException("spend is either priced by a rate card or unpriced with a reason");
        }
        if (rateCard == null && costUsdMicros != 0) {
            throw new IllegalArgumentException("unpriced spend costs 0");
        }
    }

    public static Spend priced(TokenCounts tokens, long costUsdMicros, RateCardRef rateCard) {
        return new Spend(tokens, costUsdMicros, Objects.requireNonNull(rateCard, "rateCard"), null);
    }

    public static Spend unpriced(TokenCounts tokens, String reason) {
        return new Spend(tokens, 0, null, Objects.requireNonNull(reason, "reason"));
    }

    /** Named without "is", so JSON mappers do not take it for a property. */
    public boolean priced() {
        return rateCard != null;
    }
}
