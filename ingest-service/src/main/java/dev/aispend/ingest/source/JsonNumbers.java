package dev.aispend.ingest.source;

import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed reads {@link JsonFields} lacks and the gateway and provider formats need: decimal amounts (exact, never
 * through binary floating point), Unix-seconds times, times that are numbers or strings, and arrays of objects.
 * Like JsonFields, each read refuses a value of the wrong type by adding a reason and returning null.
 */
public final class JsonNumbers {
    /** Unix seconds beyond year 9999: a time in milliseconds or nanoseconds sent as seconds, not a time. */
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private JsonNumbers() {
    }

    /**
     * A non-negative decimal: a JSON number, or when {@code stringAllowed} a decimal string ("123.45"). A double
     * is read through its shortest decimal form, so 0.1 stays 0.1.
     */
    public static @Nullable BigDecimal nonNegativeDecimal(JsonFields fields, String field, boolean stringAllowed) {
        JsonNode node = fields.node(field);
        if (node == null) {
            return null;
        }
        BigDecimal value;
        if (node.isNumber()) {
            value = Decimals.exact(node.getNumberValue());
        } else if (node.isString() && stringAllowed) {
            value = Decimals.parse(node.getStringValue());
        } else {
            fields.refuse(field, stringAllowed ? "must be a decimal number or a decimal string, e.g. \"123.45\""
                    : "must be a number");
            return null;
        }
        if (value == null || !Decimals.withinBounds(value)) {
            // Checked before any arithmetic: 1e20000000 is cheap to hold and ruinous to multiply.
            fields.refuse(field, "must be a decimal number, finite, with " + Decimals.BOUNDS + ", e.g. \"123.45\"");
            return null;
        }
        if (value.signum() < 0) {
            fields.refuse(field, "must not be negative");
            return null;
        }
        return value;
    }

    /** Unix seconds, whole ({@code 1730419200}) or fractional ({@code 1730419200.123456}). */
    public static @Nullable Instant epochSeconds(JsonFields fields, String field, boolean required) {
        JsonNode node = fields.node(field);
        if (node == null) {
            if (required) {
                fields.refuse(field, "is required");
            }
            return null;
        }
        if (!node.isNumber()) {
            fields.refuse(field, "must be a Unix time in seconds, e.g. 1730419200");
            return null;
        }
        BigDecimal seconds = Decimals.exact(node.getNumberValue());
        if (seconds == null) {
            fields.refuse(field, "must be a finite Unix time in seconds, e.g. 1730419200");
            return null;
        }
        return epochSecondsOf(fields, field, seconds);
    }

    /**
     * A time given as Unix seconds (a number) or as an ISO-8601 string; a string without an offset
     * ({@code 2024-01-01T00:00:00}) is read as UTC.
     */
    public static @Nullable Instant epochSecondsOrIsoTime(JsonFields fields, String field) {
        JsonNode node = fields.node(field);
        if (node == null || node.isNumber()) {
            return epochSeconds(fields, field, false);
        }
        if (!node.isString()) {
            fields.refuse(field, "must be Unix seconds or an ISO-8601 time");
            return null;
        }
        String text = node.getStringValue().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                fields.refuse(field, "must be Unix seconds or an ISO-8601 time, e.g. 2026-11-22T10:15:30Z");
                return null;
            }
        }
    }

    /**
     * The elements of an array (empty when absent and not required), each of which must be an object: element
     * {@code i} is refused as {@code field[i]} otherwise and left out.
     */
    public static List<JsonFields> objects(JsonFields fields, String field, boolean required, int maxItems,
                                           List<FieldError> violations) {
        JsonNode node = fields.node(field);
        if (node == null) {
            if (required) {
                fields.refuse(field, "is required: an array");
            }
            return List.of();
        }
        if (!node.isArray()) {
            fields.refuse(field, "must be an array");
            return List.of();
        }
        if (node.size() > maxItems) {
            fields.refuse(field, "may hold at most " + maxItems + " items, had " + node.size());
            return List.of();
        }
        List<JsonFields> elements = new ArrayList<>(node.size());
        for (int index = 0; index < node.size(); index++) {
            JsonNode element = node.get(index);
            String path = fields.path(field) + "[" + index + "]";
            if (element == null || !element.isObject()) {
                violations.add(new FieldError(path, "must be a JSON object"));
            } else {
                elements.add(JsonFields.of(element, path + ".", violations));
            }
        }
        return elements;
    }


    private static @Nullable Instant epochSecondsOf(JsonFields fields, String field, BigDecimal seconds) {
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS)) > 0) {
            fields.refuse(field, "must be a Unix time in seconds between 1970 and 9999, was " + seconds);
            return null;
        }
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).longValue();
        try {
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException outOfRange) {
            fields.refuse(field, "is not a representable time");
            return null;
        }
    }
}
