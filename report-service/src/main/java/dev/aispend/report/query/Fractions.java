package dev.aispend.report.query;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The divisions the reports show (efficiency, distribution, the CFO summary), exact until the one rounding at the
 * end: half up
 * (a half rounds away from zero). Amounts and counts stay integers; a fraction is a decimal string with a fixed
 * number of places ({@code "1.50"}), so no client reads it through a float. Every quotient is null when its
 * divisor is zero.
 */
public final class Fractions {
    private Fractions() {
    }

    /** {@code numerator / denominator} rounded half up to an integer (micros per PR, tokens per PR). */
    @Nullable
    public static Long perUnit(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code numerator / denominator} as a decimal string with {@code places} places, rounded half up. */
    @Nullable
    public static String decimal(long numerator, long denominator, int places) {
        return ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator), places);
    }

    /**
     * {@code (a / b) / (c / d)}, the ratio of two quotients, from the integers themselves ({@code a·d / (b·c)}),
     * so the rounding of either quotient never leaks into it; null when any of b, c, d is zero.
     */
    @Nullable
    public static String ratioOfQuotients(long a, long b, long c, long d, int places) {
        if (d == 0) {
            return null;
        }
        return ratio(BigInteger.valueOf(a).multiply(BigInteger.valueOf(d)),
                BigInteger.valueOf(b).multiply(BigInteger.valueOf(c)), places);
    }

    /** {@code numerator / denominator} rounded half up to an integer, for a positive denominator (else thrown). */
    public static long roundedHalfUp(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("the denominator must be positive, was " + denominator);
        }
        return perUnit(numerator, denominator);
    }

    /**
     * {@code value × multiplier / divisor} rounded half up, the product exact whatever its size (a month's spend in
     * micros times a month in milliseconds is past a long from about $3,558), for a positive divisor (else thrown).
     */
    public static long scaledHalfUp(long value, long multiplier, long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("the divisor must be positive, was " + divisor);
        }
        return new BigDecimal(BigInteger.valueOf(value).multiply(BigInteger.valueOf(multiplier)))
                .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** {@code part / whole} in percent with two decimals ("89.60"), rounded half up; null for a whole of 0. */
    @Nullable
    public static String percent(long part, long whole) {
        return ratio(BigInteger.valueOf(part).multiply(BigInteger.valueOf(100)), BigInteger.valueOf(whole), 2);
    }

    /** {@code part / whole} as a fraction with four decimals ("0.0412"), rounded half up; null for a whole of 0. */
    @Nullable
    public static String fraction(long part, long whole) {
        return decimal(part, whole, 4);
    }

    /** The mean of two integers rounded half up (the median of an even count). */
    public static long meanOfTwo(long first, long second) {
        return BigDecimal.valueOf(first).add(BigDecimal.valueOf(second))
                .divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP).longValueExact();
    }

    @Nullable
    private static String ratio(BigInteger numerator, BigInteger denominator, int places) {
        if (denominator.signum() == 0) {
            return null;
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), places, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
