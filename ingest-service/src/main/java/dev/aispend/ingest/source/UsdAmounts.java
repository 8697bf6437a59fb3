package dev.aispend.ingest.source;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Client-reported amounts to integer USD micros, rounding half up once, at the edge: clients send dollars as
 * JSON doubles (LiteLLM's {@code response_cost}, Claude Code's {@code cost_usd}), cents as strings (Anthropic's
 * cost report) or cents as numbers (its Claude Code report). Decimal strings are read exactly; a double is read
 * through its shortest decimal form ({@code BigDecimal.valueOf}), so 0.1 is 100000 micros, not 99999. A value
 * beyond {@link Decimals}' bounds (a huge exponent) is refused (null) before any arithmetic, so it costs nothing.
 */
public final class UsdAmounts {
    private static final BigDecimal MICROS_PER_DOLLAR = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MICROS_PER_CENT = BigDecimal.valueOf(10_000);

    private UsdAmounts() {
    }

    /**
     * Dollars (a number or a decimal string) to micros; null when {@code dollars} is null, negative, not a finite
     * decimal, beyond {@link Decimals}' bounds or too large for a long.
     */
    public static @Nullable Long dollarsToMicros(@Nullable Object dollars) {
        return toMicros(decimal(dollars), MICROS_PER_DOLLAR);
    }

    /** Cents (a number or a decimal string, "123.45" = $1.2345) to micros. */
    public static @Nullable Long centsToMicros(@Nullable Object cents) {
        return toMicros(decimal(cents), MICROS_PER_CENT);
    }

    private static @Nullable Long toMicros(@Nullable BigDecimal amount, BigDecimal unit) {
        if (amount == null || amount.signum() < 0 || !Decimals.withinBounds(amount)) {
            return null;
        }
        BigDecimal micros = amount.multiply(unit).setScale(0, RoundingMode.HALF_UP);
        return micros.toBigInteger().bitLength() > 62 ? null : micros.longValueExact();
    }

    private static @Nullable BigDecimal decimal(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double number) {
            return number.isNaN() || number.isInfinite() ? null : BigDecimal.valueOf(number);
        }
        if (value instanceof Float number) {
            return number.isNaN() || number.isInfinite() ? null : BigDecimal.valueOf(number.doubleValue());
        }
        if (value instanceof BigDecimal exact) {
            return exact;
        }
        return Decimals.parse(value.toString());
    }
}
