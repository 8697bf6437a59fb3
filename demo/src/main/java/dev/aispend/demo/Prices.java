package dev.aispend.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The current models the demo uses, priced as the default rate card prices them (a test compares every figure with
 * policy-service's seed file), so the generator can size budgets against the spend the ledger will record.
 */
public final class Prices {
    public static final String OPUS = "claude-opus-4-7";
    public static final String SONNET = "claude-sonnet-4-6";
    public static final String HAIKU = "claude-haiku-4-5";
    public static final String GPT = "gpt-5.2";
    public static final String GPT_MINI = "gpt-5-mini";
    public static final String O4_MINI = "o4-mini";
    public static final String GEMINI_PRO = "gemini-2.5-pro";
    public static final String GEMINI_FLASH = "gemini-2.5-flash";

    private static final Map<String, ModelPrice> BY_MODEL = List.of(
            new ModelPrice("anthropic", OPUS, 5_000_000, 25_000_000, 500_000, 6_250_000, 10_000_000),
            new ModelPrice("anthropic", SONNET, 3_000_000, 15_000_000, 300_000, 3_750_000, 6_000_000),
            new ModelPrice("anthropic", HAIKU, 1_000_000, 5_000_000, 100_000, 1_250_000, 2_000_000),
            new ModelPrice("openai", GPT, 1_750_000, 14_000_000, 175_000, 1_750_000, 1_750_000),
            new ModelPrice("openai", GPT_MINI, 250_000, 2_000_000, 25_000, 250_000, 250_000),
            new ModelPrice("openai", O4_MINI, 1_100_000, 4_400_000, 275_000, 1_100_000, 1_100_000),
            new ModelPrice("google", GEMINI_PRO, 1_250_000, 10_000_000, 125_000, 1_250_000, 1_250_000),
            new ModelPrice("google", GEMINI_FLASH, 300_000, 2_500_000, 30_000, 300_000, 300_000))
            .stream().collect(Collectors.toUnmodifiableMap(ModelPrice::model, Function.identity()));

    private Prices() {
    }

    public static ModelPrice of(String model) {
        ModelPrice price = BY_MODEL.get(model);
        if (price == null) {
            throw new IllegalArgumentException("the demo prices no model " + model);
        }
        return price;
    }

    public static long cost(Use use) {
        return of(use.model()).cost(use.tokens());
    }

    public static Map<String, ModelPrice> all() {
        return BY_MODEL;
    }
}
