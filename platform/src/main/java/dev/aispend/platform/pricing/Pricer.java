package dev.aispend.platform.pricing;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.usage.TokenCounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices tokens with a rate card, in integer USD micros.
 *
 * <p>The rule: {@code cost = roundHalfUp(sum over the six token types of tokens × price) / 1,000,000}, where a
 * price is in USD micros per million tokens. The exact products are summed first and divided once, so a record is
 * rounded once, not once per token type: per-type rounding would let a record's cost differ from its exact cost by
 * up to three micros and depend on how tokens split across types. Everything is integer (long, overflow-checked),
 * never floating point, so every machine, and an auditor replaying the ledger, computes the same cost. Half up is
 * plain commercial rounding; all values are non-negative, so it needs no rule for negatives.
 */
public final class Pricer {
    private static final long TOKENS_PER_MILLION = 1_000_000L;
    private static final long HALF_A_MILLION = TOKENS_PER_MILLION / 2;

    private Pricer() {
    }

    /**
     * The spend of a usage, for the ledger to record. Never throws on a missing card or on overflow: the usage was
     * acknowledged and must be recorded, so it is recorded unpriced ({@link Spend#NO_RATE_CARD},
     * {@link Spend#COST_OVERFLOW}) and can be re-priced later.
     */
    public static Spend price(TokenCounts tokens, Optional<Priced> priced) {
        Objects.requireNonNull(tokens, "tokens");
        if (priced.isEmpty()) {
            return Spend.unpriced(tokens, Spend.NO_RATE_CARD);
        }
        try {
            return Spend.priced(tokens, costUsdMicros(tokens, priced.get().price()), priced.get().rateCard());
        } catch (ArithmeticException overflow) {
            return Spend.unpriced(tokens, Spend.COST_OVERFLOW);
        }
    }

    /** Looks the price up in {@code book} by its rule ({@link RateCardBook}), then prices as above. */
    public static Spend price(RateCardBook book, String provider, String model, Instant occurredAt,
                              TokenCounts tokens) {
        return price(tokens, book.lookup(provider, model, occurredAt));
    }

    /**
     * The cost in USD micros by the rule in the class comment. Throws ArithmeticException when a product or the
     * sum does not fit a long, for callers, such as a re-pricing request, that must refuse rather than record.
     */
    public static long costUsdMicros(TokenCounts tokens, ModelPrice price) {
        long total = 0;
        total = Math.addExact(total, Math.multiplyExact(tokens.inputTokens(),
                price.inputUsdMicrosPerMillionTokens()));
        total = Math.addExact(total, Math.multiplyExact(tokens.outputTokens(),
                price.outputUsdMicrosPerMillionTokens()));
        total = Math.addExact(total, Math.multiplyExact(tokens.cacheReadTokens(),
                price.cacheReadUsdMicrosPerMillionTokens()));
        total = Math.addExact(total, Math.multiplyExact(tokens.cacheWrite5mTokens(),
                price.cacheWrite5mUsdMicrosPerMillionTokens()));
        total = Math.addExact(total, Math.multiplyExact(tokens.cacheWrite1hTokens(),
                price.cacheWrite1hUsdMicrosPerMillionTokens()));
        total = Math.addExact(total, Math.multiplyExact(tokens.reasoningTokens(),
                price.reasoningUsdMicrosPerMillionTokens()));
        // Quotient and remainder rather than (total + half) / million, which could overflow near Long.MAX_VALUE.
        long micros = total / TOKENS_PER_MILLION;
        return total % TOKENS_PER_MILLION >= HALF_A_MILLION ? micros + 1 : micros;
    }
}
