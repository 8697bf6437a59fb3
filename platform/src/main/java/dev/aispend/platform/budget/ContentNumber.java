package dev.aispend.platform.budget;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number as a decoder hands it over, held exactly as a BigDecimal, so {@code 5.0} counts as whole,
 * {@code 0.5} does not, and a huge BigInteger is seen as out of range instead of wrapping into a plausible long.
 * Strings and booleans are not numbers: {@code "5000"} and {@code true} are refused, never coerced. A Double is
 * accepted when finite and whole, like rate card prices, because decoders produce one for {@code 5000.0}; every
 * bound here is below 2^53, where doubles are exact integers. Public because every kind of policy content (budgets,
 * badge and anomaly rules, phases) reads its numbers by the same rule.
 */
public record ContentNumber(BigDecimal value) {

    /** The number, or null when the value is not a number (a string, a boolean, NaN or an infinity). */
    @Nullable
    public static ContentNumber of(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return new ContentNumber(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger integer) {
            return new ContentNumber(new BigDecimal(integer));
        }
        if (value instanceof BigDecimal decimal) {
            return new ContentNumber(decimal);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // The shortest decimal that reads back as this double: what the author wrote, not binary noise.
            return Double.isFinite(number) ? new ContentNumber(BigDecimal.valueOf(number)) : null;
        }
        return null;
    }

    public boolean whole() {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    public boolean within(long minimum, long maximum) {
        return value.compareTo(BigDecimal.valueOf(minimum)) >= 0 && value.compareTo(BigDecimal.valueOf(maximum)) <= 0;
    }

    /** Only for a whole number within the long range, which callers check first. */
    public long longValue() {
        return value.longValueExact();
    }
}
