package dev.aispend.platform.pricing;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed content of one {@code RATE_CARD} policy version: a provider, the prices of the models it sells, the
 * other names (aliases) its models go by, and optionally where the prices come from. Content shape (docs:
 * {@link #parse}):
 * <pre>{"provider": "anthropic",
 *  "source": {"description": "Anthropic pricing page", "urls": ["https://..."], "asOf": "2026-11-01"},
 *  "models": [{"model": "claude-sonnet-4-5", "aliases": ["claude-sonnet-4-5-20250929"],
 *   "inputUsdMicrosPerMillionTokens": 3000000, "outputUsdMicrosPerMillionTokens": 15000000,
 *   "cacheReadUsdMicrosPerMillionTokens": 300000, "cacheWrite5mUsdMicrosPerMillionTokens": 3750000,
 *   "cacheWrite1hUsdMicrosPerMillionTokens": 6000000, "reasoningUsdMicrosPerMillionTokens": 15000000}]}</pre>
 * Models and aliases are matched exactly (case and all), as the usage record names them; an alias prices usage
 * exactly like its model (providers report a dated snapshot name, such as {@code claude-sonnet-4-5-20250929},
 * for the model their price list names). {@code models} and {@code aliases} keep the content's order so that
 * {@link #toContent()} writes the card back the way it was authored.
 *
 * @param aliases per alias, the model of this card it names; never a model name itself
 * @param source  where the prices come from, or null when the card does not say
 */
public record RateCard(String provider, Map<String, ModelPrice> models, Map<String, String> aliases,
                       @Nullable RateCardSource source) {
    /** One million US dollars per million tokens: far above any real price, so anything beyond is a typo. */
    public static final long MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS = 1_000_000_000_000L;
    /** Bounds the work of parsing and of every lookup; real providers list tens of models, not thousands. */
    public static final int MAX_MODELS = 1000;
    /** A model goes by its name and a few snapshot or regional names, not by dozens. */
    public static final int MAX_ALIASES_PER_MODEL = 32;

    public RateCard {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(models, "models");
        aliases = aliases == null ? Map.of() : aliases;
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
        requireValidAliases(aliases, models);
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /** A card without aliases or source, as cards were first defined. */
    public RateCard(String provider, Map<String, ModelPrice> models) {
        this(provider, models, Map.of(), null);
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
     *
     * <p>Optional, added later: a model's {@code aliases}, an array of at most {@link #MAX_ALIASES_PER_MODEL}
     * names under the rules of model names, each unique within the card (across all its models) and never equal
     * to a model name of the card, so that every name the card knows prices exactly one way
     * ({@code models[1].aliases[0]} names the one at fault); and the card's {@code source}
     * ({@link RateCardSource}: {@code description} 1..512 characters, {@code urls} 0..10 http(s) addresses of
     * 1..512 characters, {@code asOf} a {@code YYYY-MM-DD} date; each part optional, unknown fields refused).
     */
    public static RateCard parse(Map<String, Object> content) {
        return RateCardParser.parse(content);
    }

    /** The model of this card that {@code name} names: itself if the card lists it, its model if an alias. */
    public Optional<String> modelNamed(String name) {
        if (models.containsKey(name)) {
            return Optional.of(name);
        }
        return Optional.ofNullable(aliases.get(name));
    }

    /** The prices of the model {@code name} names (a model of this card or an alias of one), if any. */
    public Optional<ModelPrice> priceOf(String name) {
        return modelNamed(name).map(models::get);
    }

    /** The aliases of {@code model}, in the content's order; empty if it has none or is not on this card. */
    public List<String> aliasesOf(String model) {
        List<String> names = new ArrayList<>();
        aliases.forEach((alias, aliased) -> {
            if (aliased.equals(model)) {
                names.add(alias);
            }
        });
        return names;
    }

    /**
     * This card as content that {@link #parse} reads back to an equal card. Every price is written, the reasoning
     * price included even when it was omitted and defaulted: written content should say what it charges. Aliases
     * and the source are written only when the card has them, so a card without them writes what it always did.
     */
    public Map<String, Object> toContent() {
        Map<String, List<String>> aliasesByModel = new HashMap<>();
        aliases.forEach((alias, model) -> aliasesByModel.computeIfAbsent(model, unused -> new ArrayList<>())
                .add(alias));
        List<Object> modelEntries = new ArrayList<>(models.size());
        models.forEach((model, price) -> modelEntries.add(modelContent(model, price,
                aliasesByModel.getOrDefault(model, List.of()))));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(RateCardParser.PROVIDER, provider);
        if (source != null) {
            content.put(RateCardSourceParser.SOURCE, source.toContent());
        }
        content.put(RateCardParser.MODELS, modelEntries);
        return content;
    }

    private static void requireValidAliases(Map<String, String> aliases, Map<String, ModelPrice> models) {
        Map<String, Integer> countByModel = new HashMap<>();
        aliases.forEach((alias, model) -> {
            if (alias == null || alias.isBlank() || model == null || !models.containsKey(model)) {
                throw new IllegalArgumentException("every alias is a non-blank name of a model of the card");
            }
            if (models.containsKey(alias)) {
                throw new IllegalArgumentException("alias " + alias + " is a model name of the card");
            }
            if (countByModel.merge(model, 1, Integer::sum) > MAX_ALIASES_PER_MODEL) {
                throw new IllegalArgumentException("model " + model + " has more than " + MAX_ALIASES_PER_MODEL
                        + " aliases");
            }
        });
    }

    private static Map<String, Object> modelContent(String model, ModelPrice price, List<String> aliases) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(RateCardParser.MODEL, model);
        if (!aliases.isEmpty()) {
            entry.put(RateCardParser.ALIASES, aliases);
        }
        entry.put(RateCardParser.INPUT, price.inputUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.OUTPUT, price.outputUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.CACHE_READ, price.cacheReadUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.CACHE_WRITE_5M, price.cacheWrite5mUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.CACHE_WRITE_1H, price.cacheWrite1hUsdMicrosPerMillionTokens());
        entry.put(RateCardParser.REASONING, price.reasoningUsdMicrosPerMillionTokens());
        return entry;
    }
}
