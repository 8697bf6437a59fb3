package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.ingest.source.Decimals;

import java.math.BigDecimal;

/**
 * Numbers as OTLP clients send them, exactly: a double through its shortest decimal form, a string as the decimal
 * it spells. Counts must be whole: a fractional token count is a client bug, refused rather than rounded.
 */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal decimal(double value, String what) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new Refusal(what + " must be a finite number, was " + value);
        }
        return BigDecimal.valueOf(value);
    }

    /** Refused beyond {@link Decimals}' bounds, before any arithmetic: "1e20000000" is cheap only until used. */
    static BigDecimal decimal(String value, String what) {
        BigDecimal decimal = Decimals.parse(value);
        if (decimal == null) {
            throw new Refusal(what + " must be a number with " + Decimals.BOUNDS + ", was '" + abbreviated(value)
                    + "'");
        }
        return decimal;
    }

    /** A whole, non-negative number that fits a long. */
    static long count(BigDecimal value, String what) {
        if (value.signum() < 0) {
            throw new Refusal(what + " must not be negative, was " + value.toPlainString());
        }
        BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw new Refusal(what + " must be a whole number, was " + value.toPlainString());
        }
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new Refusal(what + " is too large, was " + value.toPlainString());
        }
        return whole.longValueExact();
    }

    static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
