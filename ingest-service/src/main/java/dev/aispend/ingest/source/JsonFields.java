package dev.aispend.ingest.source;

import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads fields of a JSON object for the adapters (our API, LiteLLM, provider imports, GitHub), collecting a
 * reason for each field of the wrong type instead of stopping at the first, so a client fixes them all in one
 * round trip. Types only: the rules every submission meets are the acceptance path's (SubmissionRules).
 */
public final class JsonFields {
    private final JsonNode object;
    private final String prefix;
    private final List<FieldError> violations;

    private JsonFields(JsonNode object, String prefix, List<FieldError> violations) {
        this.object = object;
        this.prefix = prefix;
        this.violations = violations;
    }

    /** Fields of {@code object}; reasons name {@code prefix + field} and go to {@code violations}. */
    public static JsonFields of(JsonNode object, String prefix, List<FieldError> violations) {
        return new JsonFields(object, prefix, violations);
    }


    public JsonNode object() {
        return object;
    }

    public String path(String field) {
        return prefix + field;
    }

    public void refuse(String field, String message) {
        violations.add(new FieldError(path(field), message));
    }

    /** Refuses every field not in {@code known}: a misspelt optional field would otherwise be silently lost. */
    public void refuseUnknown(Set<String> known, String what) {
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (!known.contains(entry.getKey())) {
                refuse(entry.getKey(), "is not a field of " + what);
            }
        }
    }

    public @Nullable JsonNode node(String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    public @Nullable String text(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            refuse(field, "must be a string");
            return null;
        }
        return node.getStringValue().strip();
    }

    public @Nullable String requiredText(String field) {
        if (node(field) == null) {
            refuse(field, "is required");
            return null;
        }
        return text(field);
    }

    /** A string or a number, as text (ids that some clients send as numbers). */
    public @Nullable String textOrNumber(String field) {
        JsonNode node = node(field);
        if (node != null && node.isNumber()) {
            return node.getNumberValue().toString();
        }
        return text(field);
    }

    public @Nullable Instant instant(String field, boolean required) {
        JsonNode node = node(field);
        if (node == null) {
            if (required) {
                refuse(field, "is required");
            }
            return null;
        }
        if (!node.isString()) {
            refuse(field, "must be an ISO-8601 timestamp string, e.g. 2026-11-22T10:15:30Z");
            return null;
        }
        try {
            return OffsetDateTime.parse(node.getStringValue().strip()).toInstant();
        } catch (DateTimeParseException unparsable) {
            refuse(field, "must be an ISO-8601 timestamp with an offset, e.g. 2026-11-22T10:15:30Z");
            return null;
        }
    }

    /**
     * A whole, non-negative number up to {@code max}, or null when absent (or refused). 12.0 counts as whole:
     * JSON does not tell them apart, and some clients write every number as a double.
     */
    public @Nullable Long count(String field, long max) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (node.isNumber() && !isFinite(node.getNumberValue())) {
            // The JSON parser reads 1e400 as an infinite double: valid JSON, but no count.
            refuse(field, "must be a finite whole number");
            return null;
        }
        if (node.isNumber() && !Decimals.withinBounds(Decimals.exact(node.getNumberValue()))) {
            refuse(field, "exceeds the limit of " + max);
            return null;
        }
        BigInteger value = node.isNumber() ? wholeNumber(node.getNumberValue()) : null;
        if (value == null) {
            refuse(field, "must be a whole number");
            return null;
        }
        if (value.signum() < 0) {
            refuse(field, "must not be negative");
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            refuse(field, "exceeds the limit of " + max);
            return null;
        }
        return value.longValueExact();
    }

    public long requiredCount(String field, long max) {
        if (node(field) == null) {
            refuse(field, "is required");
            return 0;
        }
        Long value = count(field, max);
        return value == null ? 0 : value;
    }

    public @Nullable Boolean bool(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            refuse(field, "must be true or false");
            return null;
        }
        return node.getBooleanValue();
    }

    /** A nested object's fields, or null when absent (or not an object, which is refused). */
    public @Nullable JsonFields object(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            refuse(field, "must be a JSON object");
            return null;
        }
        return new JsonFields(node, path(field) + ".", violations);
    }

    /** An array of strings (empty when absent), at most {@code maxItems}. */
    public List<String> texts(String field, int maxItems) {
        JsonNode node = node(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            refuse(field, "must be an array of strings");
            return List.of();
        }
        if (node.size() > maxItems) {
            refuse(field, "may hold at most " + maxItems + " items, had " + node.size());
            return List.of();
        }
        List<String> values = new ArrayList<>(node.size());
        for (int index = 0; index < node.size(); index++) {
            JsonNode element = node.get(index);
            if (element == null || !element.isString()) {
                refuse(field + "[" + index + "]", "must be a string");
            } else {
                values.add(element.getStringValue().strip());
            }
        }
        return values;
    }

    /** An object of string values (empty when absent), at most {@code maxEntries}; keys kept in order. */
    public Map<String, String> textMap(String field, int maxEntries) {
        JsonNode node = node(field);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            refuse(field, "must be a JSON object of strings");
            return Map.of();
        }
        if (node.size() > maxEntries) {
            refuse(field, "may hold at most " + maxEntries + " entries, had " + node.size());
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!entry.getValue().isString()) {
                refuse(field + "." + entry.getKey(), "must be a string");
            } else {
                values.put(entry.getKey(), entry.getValue().getStringValue());
            }
        }
        return values;
    }

    /** Whether {@code number} is a number at all: not NaN, not an infinity. */
    public static boolean isFinite(Number number) {
        return !(number instanceof Double || number instanceof Float)
                || (!Double.isNaN(number.doubleValue()) && !Double.isInfinite(number.doubleValue()));
    }

    /**
     * The number as an integer, or null when it has a fraction, is not finite or lies beyond {@link Decimals}'
     * bounds (checked before the conversion, which would otherwise build every digit of 1e20000000).
     */
    public static @Nullable BigInteger wholeNumber(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return BigInteger.valueOf(number.longValue());
        }
        if (number instanceof BigInteger big) {
            return big;
        }
        BigDecimal decimal = Decimals.exact(number);
        if (decimal == null || !Decimals.withinBounds(decimal)) {
            return null;
        }
        try {
            return decimal.stripTrailingZeros().toBigIntegerExact();
        } catch (ArithmeticException fractional) {
            return null;
        }
    }
}
