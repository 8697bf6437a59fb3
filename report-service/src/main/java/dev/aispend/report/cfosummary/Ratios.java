package dev.aispend.report.cfosummary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Integer ratios for people: rounded half up, percentages and fractions as decimal strings, never floats. */
final class Ratios {
    private Ratios() {
    }

    /** {@code numerator / denominator} rounded half up (away from zero on a half), for a positive denominator. */
    static long roundedHalfUp(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("the denominator must be positive, was " + denominator);
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code part / whole} in percent with two decimals ("89.60"); null for a whole of 0. */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code part / whole} as a fraction with four decimals ("0.0412"); null for a whole of 0. */
    static String fraction(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).toPlainString();
    }
}
