package dev.aispend.report.focus;

import dev.aispend.platform.pricing.ModelPrice;

import java.util.function.ToLongFunction;

/**
 * The six token types a rate card prices, in the order of {@link ModelPrice} and of the {@code spend_line} token
 * columns. Each is one SKU price of a model in the export: {@code SkuPriceId} is the model, a colon and {@link #id}.
 */
enum TokenType {
    INPUT("input", "input tokens", "x_InputTokens", ModelPrice::inputUsdMicrosPerMillionTokens),
    OUTPUT("output", "output tokens", "x_OutputTokens", ModelPrice::outputUsdMicrosPerMillionTokens),
    CACHE_READ("cacheRead", "cache read tokens", "x_CacheReadTokens",
            ModelPrice::cacheReadUsdMicrosPerMillionTokens),
    CACHE_WRITE_5M("cacheWrite5m", "cache write (5 minutes) tokens", "x_CacheWrite5mTokens",
            ModelPrice::cacheWrite5mUsdMicrosPerMillionTokens),
    CACHE_WRITE_1H("cacheWrite1h", "cache write (1 hour) tokens", "x_CacheWrite1hTokens",
            ModelPrice::cacheWrite1hUsdMicrosPerMillionTokens),
    REASONING("reasoning", "reasoning tokens", "x_ReasoningTokens", ModelPrice::reasoningUsdMicrosPerMillionTokens);

    private final String id;
    private final String description;
    private final String column;
    private final ToLongFunction<ModelPrice> price;

    TokenType(String id, String description, String column, ToLongFunction<ModelPrice> price) {
        this.id = id;
        this.description = description;
        this.column = column;
        this.price = price;
    }

    /** The suffix of the SKU price id: stable, never containing a colon. */
    String id() {
        return id;
    }

    /** How a charge description names these tokens. */
    String description() {
        return description;
    }

    /** The custom column counting these tokens. */
    String column() {
        return column;
    }

    /** This type's price on {@code modelPrice}, in USD micros per million tokens. */
    long priceOf(ModelPrice modelPrice) {
        return price.applyAsLong(modelPrice);
    }
}
