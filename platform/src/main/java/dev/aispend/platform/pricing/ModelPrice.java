package dev.aispend.platform.pricing;

/**
 * One model's six prices on a rate card, each in integer USD micros per million tokens of that type. Integers,
 * because a ledger must sum the same way on every machine; per million tokens, because that is how providers
 * publish prices, so a card can be checked against the provider's page by eye.
 */
public record ModelPrice(
        long inputUsdMicrosPerMillionTokens,
        long outputUsdMicrosPerMillionTokens,
        long cacheReadUsdMicrosPerMillionTokens,
        long cacheWrite5mUsdMicrosPerMillionTokens,
        long cacheWrite1hUsdMicrosPerMillionTokens,
        long reasoningUsdMicrosPerMillionTokens) {

    public ModelPrice {
        requireInRange("inputUsdMicrosPerMillionTokens", inputUsdMicrosPerMillionTokens);
        requireInRange("outputUsdMicrosPerMillionTokens", outputUsdMicrosPerMillionTokens);
        requireInRange("cacheReadUsdMicrosPerMillionTokens", cacheReadUsdMicrosPerMillionTokens);
        requireInRange("cacheWrite5mUsdMicrosPerMillionTokens", cacheWrite5mUsdMicrosPerMillionTokens);
        requireInRange("cacheWrite1hUsdMicrosPerMillionTokens", cacheWrite1hUsdMicrosPerMillionTokens);
        requireInRange("reasoningUsdMicrosPerMillionTokens", reasoningUsdMicrosPerMillionTokens);
    }

    private static void requireInRange(String field, long price) {
        if (price < 0 || price > RateCard.MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS) {
            throw new IllegalArgumentException(field + " must be within 0.."
                    + RateCard.MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS + ", was " + price);
        }
    }
}
