package dev.aispend.platform.pricing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed content of one {@code RATE_CARD} policy version: a provider and the prices of the models it sells.
 * Content shape (docs: {@link #parse}):
 * <pre>{"provider": "anthropic", "models": [{"model": "claude-sonnet-4-5",
 *   "inputUsdMicrosPerMillionTokens": 3000000, "outputUsdMicrosPerMillionTokens": 15000000,
 *   "cacheReadUsdMicrosPerMillionTokens": 300000, "cacheWrite5mUsdMicrosPerMillionTokens": 3750000,
 *   "cacheWrite1hUsdMicrosPerMillionTokens": 6000000, "reasoningUsdMicrosPerMillionTokens": 15000000}]}</pre>
 * Models are matched exactly (case and all), as the usage record names them; {@code models} keeps the content's
 * order so that {@link #toContent()} writes the card back the way it was authored.
 */
public record RateCard(String provider, Map<String, ModelPrice> models) {
    /** One million US dollars per million tokens: far above any real price, so anything beyond is a typo. */
    public static final long MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS = 1_000_000_000_000L;
    /** Bounds the work of parsing and of every lookup; real providers list tens of models, not thousands. */
    public static final int MAX_MODELS = 1000;

    public RateCard {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(models, "models");
        if (provider.isBlank()) {
            throw new IllegalArgumentException("provider must not be blank");
        }
        if (models.isEmpty() || models.size() > MAX_MODELS) {
            throw new IllegalArgumentException("a rate card lists 1.." + MAX_MODELS + " models, had "
                    + models.size());
        }
        models.forEach((model, price) -> {
            if (model == null || model.isBlank() || price == null) {
                throw new IllegalArgumentException("every model has a non-blank name and a price");
            }
        });
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /**
     * Validates rate card content as a JSON decoder hands it over (numbers as Integer, Long, BigInteger, Double or
     * BigDecimal) and refuses it, naming every problem's JSON path, when: the provider is missing or blank; models
     * are missing, empty, more than {@link #MAX_MODELS}, or list a model twice; a price is missing, not a whole
     * number, negative or above {@link #MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS}; or a field is unknown (a
     * misspelt price must not pass silently).
     *
     * <p>Five prices are required, with no defaults, so that what the ledger charges is always written down.
     * {@code reasoningUsdMicrosPerMillionTokens} alone may be omitted and then equals the output price, because
     * providers bill reasoning ("thinking") tokens as output tokens; a card states it only when they differ.
     */
    public static RateCard parse(Map<String, Object> content) {
        return RateCardParser.parse(content);
    }

    /** The model's prices, if this card lists it. */
    public Optional<ModelPrice> priceOf(String model) {
        return Optional.ofNullable(models.get(model));
    }

    /**
     * This card as content that {@link #parse} reads back to an equal card. Every price is written, the reasoning
     * price included even when it was omitted and defaulted: written content should say what it charges.
     */
    public Map<String, Object> toContent() {
        List<Object> modelEntries = new ArrayList<>(models.size());
        models.forEach((model, price) -> modelEntries.add(modelContent(model, price)));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(RateCardParser.PROVIDER, provider);
        content.put(RateCardParser.MODELS, modelEntries);
        return content;
    }

    private static Map<String, Object> modelContent(String model, ModelPrice price) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(RateCardParser.MODEL, model);
        entry.put(RateCardParser.INPUT, price.inputUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.OUTPUT, price.outputUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.CACHE_READ, price.cacheReadUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.CACHE_WRITE_5M, price.cacheWrite5mUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.CACHE_WRITE_1H, price.cacheWrite1hUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.REASONING, price.reasoningUsdMicrosPerMillionTokens());
        return entry;
    }
}
