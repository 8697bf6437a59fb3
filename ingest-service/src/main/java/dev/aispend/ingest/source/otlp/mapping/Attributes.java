package dev.aispend.ingest.source.otlp.mapping;

import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of one data point, log record or span over those of its resource: the item's own win. Claude
 * Code copies {@code OTEL_RESOURCE_ATTRIBUTES} onto every point, other clients keep them on the resource; both
 * are read alike. Values are read leniently as to type (Claude Code sends numbers of its events as strings) and
 * strictly as to meaning (a token count must be whole).
 */
public final class Attributes {
    private final Map<String, AnyValue> values;

    private Attributes(Map<String, AnyValue> values) {
        this.values = values;
    }

    public static Attributes of(List<KeyValue> resource, List<KeyValue> item) {
        Map<String, AnyValue> values = new HashMap<>();
        resource.forEach(attribute -> values.put(attribute.getKey(), attribute.getValue()));
        item.forEach(attribute -> values.put(attribute.getKey(), attribute.getValue()));
        return new Attributes(values);
    }

    public boolean has(String key) {
        AnyValue value = values.get(key);
        return value != null && value.getValueCase() != AnyValue.ValueCase.VALUE_NOT_SET;
    }

    /** A string, number or boolean as text (stripped); null when absent, blank, or a list, map or bytes. */
    public @Nullable String text(String key) {
        AnyValue value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> BigDecimal.valueOf(value.getDoubleValue()).toPlainString();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> null;
        };
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The first of {@code keys} that is present, as text. */
    public @Nullable String firstText(String... keys) {
        for (String key : keys) {
            String text = text(key);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** A number given as an int, a double or a decimal string; null when absent. */
    public @Nullable BigDecimal number(String key) {
        AnyValue value = values.get(key);
        if (value == null || value.getValueCase() == AnyValue.ValueCase.VALUE_NOT_SET) {
            return null;
        }
        return switch (value.getValueCase()) {
            case INT_VALUE -> BigDecimal.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> Numbers.decimal(value.getDoubleValue(), key);
            case STRING_VALUE -> Numbers.decimal(value.getStringValue(), key);
            default -> throw new Refusal(key + " must be a number");
        };
    }

    /** A whole, non-negative count; 0 when absent. */
    public long count(String key) {
        BigDecimal number = number(key);
        return number == null ? 0 : Numbers.count(number, key);
    }

    /** The first of {@code keys} present as a whole, non-negative count; null when none is present. */
    public @Nullable Long firstCount(String... keys) {
        for (String key : keys) {
            BigDecimal number = number(key);
            if (number != null) {
                return Numbers.count(number, key);
            }
        }
        return null;
    }
}
