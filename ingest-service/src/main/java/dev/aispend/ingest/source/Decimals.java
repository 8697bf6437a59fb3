package dev.aispend.ingest.source;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The bounds on a decimal a client sends (a cost, a count as a string), checked before any arithmetic: a
 * {@link BigDecimal} holds "1e20000000" in a few bytes, but multiplying or rounding it builds a number of twenty
 * million digits (measured: 11 s for one value; "1e999999999" exhausts memory). Nothing we hold needs more than
 * {@value #MAX_INTEGER_DIGITS} digits before the point (a long has 19). After the point {@value #MAX_FRACTION_DIGITS}
 * are allowed, not 18: a cost a client computed in binary floating point and sent as a double reads as, e.g.,
 * 5.1000000000000004E-5 (21 digits after the point), and such a value must stay an amount, rounded once to micros.
 */
public final class Decimals {
    /** Digits before the decimal point: 10^19 exceeds every long, so more can never be held. */
    public static final int MAX_INTEGER_DIGITS = 19;
    /** Digits after the decimal point (trailing zeros aside): enough for any double of a realistic amount. */
    public static final int MAX_FRACTION_DIGITS = 40;
    /** Characters of a decimal string: parsing a long digit string costs more than the value can be worth. */
    public static final int MAX_TEXT_LENGTH = 64;
    /** The bounds in words, for the reason a value is refused. */
    public static final String BOUNDS = "at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
            + MAX_FRACTION_DIGITS + " after";

    private Decimals() {
    }

    /** The decimal {@code text} spells when it is one within the bounds; null otherwise. */
    public static @Nullable BigDecimal parse(String text) {
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(stripped);
            return withinBounds(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * Whether {@code value} lies within the bounds. Cheap whatever its exponent: precision and scale are read,
     * and trailing zeros stripped only from a value of few digits.
     */
    public static boolean withinBounds(BigDecimal value) {
        if (value.signum() == 0) {
            return true; // 0E+20000000 and 0E-20000000 are zero, whatever their exponent.
        }
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return false;
        }
        if (value.scale() <= MAX_FRACTION_DIGITS) {
            return true;
        }
        // Trailing zeros after the point (0.10000...0) are no digits of the value; a long run of them is refused.
        return value.precision() <= MAX_TEXT_LENGTH && value.stripTrailingZeros().scale() <= MAX_FRACTION_DIGITS;
    }

    /**
     * The number exactly: integers as they are, doubles through their shortest decimal form; null for NaN and
     * the infinities (the JSON parser reads 1e400 as an infinite double), which no decimal holds.
     */
    public static @Nullable BigDecimal exact(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            return Double.isNaN(value) || Double.isInfinite(value) ? null : BigDecimal.valueOf(value);
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
