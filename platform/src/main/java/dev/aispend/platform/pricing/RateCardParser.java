package dev.aispend.platform.pricing;

import dev.aispend.platform.pricing.InvalidRateCardException.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads rate card content into a {@link RateCard}, collecting every problem before refusing, so one answer names
 * all of them. The rules are documented on {@link RateCard#parse}. One parser per content: it collects problems.
 */
final class RateCardParser {
    static final String PROVIDER = "provider";
    static final String MODELS = "models";
    static final String MODEL = "model";
    static final String ALIASES = "aliases";
    static final String INPUT = "inputUsdMicrosPerMillionTokens";
    static final String OUTPUT = "outputUsdMicrosPerMillionTokens";
    static final String CACHE_READ = "cacheReadUsdMicrosPerMillionTokens";
    static final String CACHE_WRITE_5M = "cacheWrite5mUsdMicrosPerMillionTokens";
    static final String CACHE_WRITE_1H = "cacheWrite1hUsdMicrosPerMillionTokens";
    static final String REASONING = "reasoningUsdMicrosPerMillionTokens";

    /** Same bound as a usage record's model name: a longer name could never match any usage. */
    static final int MAX_NAME_LENGTH = 128;
    /** Enough to fix a card, small enough to send back: a card of 1000 broken models has thousands of problems. */
    static final int MAX_REPORTED_PROBLEMS = 100;

    private static final Set<String> CARD_FIELDS = Set.of(PROVIDER, RateCardSourceParser.SOURCE, MODELS);
    private static final Set<String> MODEL_FIELDS = Set.of(MODEL, ALIASES, INPUT, OUTPUT, CACHE_READ, CACHE_WRITE_5M,
            CACHE_WRITE_1H, REASONING);
    /** In {@link ModelPrice} component order; reasoning is last and handled apart because it may be omitted. */
    private static final List<String> REQUIRED_PRICES = List.of(INPUT, OUTPUT, CACHE_READ, CACHE_WRITE_5M,
            CACHE_WRITE_1H);
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");

    private final List<Problem> problems = new ArrayList<>();
    /** Per model name, the path of the entry that lists it: aliases are checked against every model at the end. */
    private final Map<String, String> firstPathOfModel = new HashMap<>();
    /** Every alias the content names, in content order, checked once all model names are known. */
    private final List<NamedAlias> namedAliases = new ArrayList<>();

    /** An alias as the content names it: where, and the model of the entry that lists it (null if unnamed). */
    private record NamedAlias(String path, String alias, String model) {
    }

    private RateCardParser() {
    }

    static RateCard parse(Map<String, Object> content) {
        return new RateCardParser().card(content);
    }

    private RateCard card(Map<String, Object> content) {
        if (content == null) {
            throw new InvalidRateCardException(List.of(new Problem("$", "is required: a rate card object")));
        }
        unknownFields(content, CARD_FIELDS, "", "a rate card");
        String provider = name(content.get(PROVIDER), PROVIDER);
        RateCardSource source = RateCardSourceParser.read(content.get(RateCardSourceParser.SOURCE), this::problem);
        Map<String, ModelPrice> models = models(content.get(MODELS));
        Map<String, String> aliases = aliases();
        if (!problems.isEmpty()) {
            throw new InvalidRateCardException(capped());
        }
        return new RateCard(provider, models, aliases, source);
    }

    private Map<String, ModelPrice> models(Object value) {
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        if (value == null) {
            problem(MODELS, "is required: an array of models");
        } else if (!(value instanceof List<?> entries)) {
            problem(MODELS, "must be an array of models");
        } else if (entries.isEmpty()) {
            problem(MODELS, "must list at least one model");
        } else if (entries.size() > RateCard.MAX_MODELS) {
            // Not read entry by entry: the size alone refuses the card, and bounds the work.
            problem(MODELS, "may list at most " + RateCard.MAX_MODELS + " models, had " + entries.size());
        } else {
            for (int index = 0; index < entries.size(); index++) {
                String path = MODELS + "[" + index + "]";
                if (entries.get(index) instanceof Map<?, ?> fields) {
                    model(path, fields, models);
                } else {
                    problem(path, "must be an object");
                }
            }
        }
        return models;
    }

    private void model(String path, Map<?, ?> fields, Map<String, ModelPrice> models) {
        unknownFields(fields, MODEL_FIELDS, path + ".", "a rate card model");
        String model = name(fields.get(MODEL), path + "." + MODEL);
        aliasesOf(model, fields.get(ALIASES), path + "." + ALIASES);
        long[] prices = new long[REQUIRED_PRICES.size() + 1];
        boolean complete = true;
        for (int index = 0; index < REQUIRED_PRICES.size(); index++) {
            String field = REQUIRED_PRICES.get(index);
            Long price = price(fields.get(field), path + "." + field);
            complete &= price != null;
            prices[index] = price == null ? 0 : price;
        }
        Object reasoning = fields.get(REASONING);
        if (reasoning == null) {
            prices[prices.length - 1] = prices[1]; // Providers bill reasoning tokens as output tokens.
        } else {
            Long price = price(reasoning, path + "." + REASONING);
            complete &= price != null;
            prices[prices.length - 1] = price == null ? 0 : price;
        }
        if (model == null) {
            return;
        }
        String firstPath = firstPathOfModel.putIfAbsent(model, path);
        if (firstPath != null) {
            problem(path + "." + MODEL, "lists " + model + " again, already at " + firstPath);
        } else if (complete) {
            models.put(model, new ModelPrice(prices[0], prices[1], prices[2], prices[3], prices[4], prices[5]));
        }
    }

    /** Notes the aliases one model entry lists; whether each is free is decided in {@link #aliases()}. */
    private void aliasesOf(String model, Object value, String path) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> names)) {
            problem(path, "must be an array of names");
        } else if (names.size() > RateCard.MAX_ALIASES_PER_MODEL) {
            problem(path, "may list at most " + RateCard.MAX_ALIASES_PER_MODEL + " aliases, had " + names.size());
        } else {
            for (int index = 0; index < names.size(); index++) {
                String aliasPath = path + "[" + index + "]";
                String alias = name(names.get(index), aliasPath);
                if (alias != null) {
                    namedAliases.add(new NamedAlias(aliasPath, alias, model));
                }
            }
        }
    }

    /**
     * Alias to model, refusing an alias that is a model name of the card (wherever that model is listed, before or
     * after) or that the card already named: each name the card knows must price exactly one way.
     */
    private Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, String> firstPathOfAlias = new HashMap<>();
        for (NamedAlias named : namedAliases) {
            String modelPath = firstPathOfModel.get(named.alias());
            String firstPath = firstPathOfAlias.putIfAbsent(named.alias(), named.path());
            if (modelPath != null) {
                problem(named.path(), "is " + named.alias() + ", a model of this card (at " + modelPath
                        + "); an alias must be another name");
            } else if (firstPath != null) {
                problem(named.path(), "lists alias " + named.alias() + " again, already at " + firstPath);
            } else if (named.model() != null) {
                aliases.put(named.alias(), named.model());
            }
        }
        return aliases;
    }

    private Long price(Object value, String path) {
        if (value == null) {
            problem(path, "is required: USD micros per million tokens");
            return null;
        }
        PriceNumber number = PriceNumber.of(value);
        if (number == null) {
            problem(path, "must be a number: USD micros per million tokens");
        } else if (!number.whole()) {
            problem(path, "must be a whole number of USD micros, was " + value);
        } else if (number.negative()) {
            problem(path, "must not be negative, was " + value);
        } else if (number.above(RateCard.MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS)) {
            problem(path, "must be at most " + RateCard.MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS
                    + " (one million USD per million tokens), was " + value);
        } else {
            return number.longValue();
        }
        return null;
    }

    private String name(Object value, String path) {
        if (value == null) {
            problem(path, "is required");
        } else if (!(value instanceof String text)) {
            problem(path, "must be a string");
        } else if (text.isBlank()) {
            problem(path, "must not be blank");
        } else if (text.length() > MAX_NAME_LENGTH) {
            problem(path, "must be at most " + MAX_NAME_LENGTH + " characters");
        } else if (!text.strip().equals(text)) {
            // Usage names its model without surrounding spaces, so such a name would silently never match.
            problem(path, "must not start or end with whitespace");
        } else if (CONTROL_CHARACTER.matcher(text).find()) {
            problem(path, "must not contain control characters");
        } else {
            return text;
        }
        return null;
    }

    private void unknownFields(Map<?, ?> fields, Set<String> known, String pathPrefix, String what) {
        for (Object field : fields.keySet()) {
            if (!known.contains(field)) {
                problem(pathPrefix + field, "is not a field of " + what);
            }
        }
    }

    private void problem(String field, String message) {
        problems.add(new Problem(field, message));
    }

    private List<Problem> capped() {
        if (problems.size() <= MAX_REPORTED_PROBLEMS) {
            return problems;
        }
        List<Problem> first = new ArrayList<>(problems.subList(0, MAX_REPORTED_PROBLEMS));
        first.add(new Problem("$", (problems.size() - MAX_REPORTED_PROBLEMS) + " more problems not shown"));
        return first;
    }
}
