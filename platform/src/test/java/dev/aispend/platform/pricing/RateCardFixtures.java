package dev.aispend.platform.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds rate card content and versions for tests; content is mutable so a test can break one field. */
final class RateCardFixtures {
    static final ModelPrice SONNET_PRICE = new ModelPrice(3_000_000, 15_000_000, 300_000, 3_750_000, 6_000_000,
            15_000_000);

    private RateCardFixtures() {
    }

    /** The documented example: Claude Sonnet 4.5 at Anthropic's list prices. */
    static Map<String, Object> sonnetContent() {
        return content("anthropic", modelContent("claude-sonnet-4-5", SONNET_PRICE));
    }

    @SafeVarargs
    static Map<String, Object> content(String provider, Map<String, Object>... models) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("provider", provider);
        List<Object> entries = new ArrayList<>();
        for (Map<String, Object> model : models) {
            entries.add(model);
        }
        content.put("models", entries);
        return content;
    }

    static Map<String, Object> modelContent(String model, ModelPrice price) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model", model);
        entry.put("inputUsdMicrosPerMillionTokens", price.inputUsdMicrosPerMillionTokens());
        entry.put("outputUsdMicrosPerMillionTokens", price.outputUsdMicrosPerMillionTokens());
        entry.put("cacheReadUsdMicrosPerMillionTokens", price.cacheReadUsdMicrosPerMillionTokens());
        entry.put("cacheWrite5mUsdMicrosPerMillionTokens", price.cacheWrite5mUsdMicrosPerMillionTokens());
        entry.put("cacheWrite1hUsdMicrosPerMillionTokens", price.cacheWrite1hUsdMicrosPerMillionTokens());
        entry.put("reasoningUsdMicrosPerMillionTokens", price.reasoningUsdMicrosPerMillionTokens());
        return entry;
    }

    /** {@code entry} (from {@link #modelContent}) with {@code aliases}. */
    static Map<String, Object> withAliases(Map<String, Object> entry, String... aliases) {
        entry.put("aliases", new ArrayList<>(List.of(aliases)));
        return entry;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> model(Map<String, Object> content, int index) {
        return ((List<Map<String, Object>>) content.get("models")).get(index);
    }

    /** The problems {@link RateCard#parse} refuses {@code content} with; fails if it does not refuse it. */
    static List<InvalidRateCardException.Problem> problemsOf(Map<String, Object> content) {
        try {
            RateCard.parse(content);
        } catch (InvalidRateCardException refused) {
            return refused.problems();
        }
        throw new AssertionError("expected the card to be refused: " + content);
    }

    /** Every price of the model is {@code price}, so a test can tell cards apart by the price alone. */
    static ModelPrice flatPrice(long price) {
        return new ModelPrice(price, price, price, price, price, price);
    }

    static RateCard card(String provider, String model, ModelPrice price) {
        return new RateCard(provider, Map.of(model, price));
    }

    /** A card of one model that also goes by {@code aliases}. */
    static RateCard aliasedCard(String provider, String model, ModelPrice price, String... aliases) {
        Map<String, String> aliasToModel = new LinkedHashMap<>();
        for (String alias : aliases) {
            aliasToModel.put(alias, model);
        }
        return new RateCard(provider, Map.of(model, price), aliasToModel, null);
    }

    static RateCardVersion version(String rateCardId, long version, String effectiveFrom, long ledgerPosition,
                                   RateCard card) {
        return new RateCardVersion(rateCardId, version, Instant.parse(effectiveFrom), ledgerPosition, card);
    }
}
