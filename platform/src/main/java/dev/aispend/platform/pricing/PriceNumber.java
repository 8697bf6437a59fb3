package dev.aispend.platform.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number as a decoder may hand it over (Integer, Long, BigInteger, Double, BigDecimal, ...), held exactly
 * as a BigDecimal so that {@code 3000000.0} counts as whole, {@code 0.5} does not, and a huge BigInteger is seen
 * as above the maximum instead of wrapping around into a plausible long.
 */
record PriceNumber(BigDecimal value) {

    /** The number, or null when the value is not a number (a string, a boolean, NaN or an infinity). */
    static PriceNumber of(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return new PriceNumber(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger integer) {
            return new PriceNumber(new BigDecimal(integer));
        }
        if (value instanceof BigDecimal decimal) {
            return new PriceNumber(decimal);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // The shortest decimal that reads back as this double: what the author wrote, not binary noise.
            return Double.isFinite(number) ? new PriceNumber(BigDecimal.valueOf(number)) : null;
        }
        return null;
    }

    boolean whole() {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    boolean negative() {
        return value.signum() < 0;
    }

    boolean above(long maximum) {
        return value.compareTo(BigDecimal.valueOf(maximum)) > 0;
    }

    /** Only for a whole number within the long range, which callers check first. */
    long longValue() {
        return value.longValueExact();
    }
}
