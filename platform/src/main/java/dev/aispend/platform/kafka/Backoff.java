package dev.aispend.platform.kafka;

import java.time.Duration;

/** Doubling delay between retries of a failing batch, from {@code initial} up to {@code maximum}. */
public record Backoff(Duration initial, Duration maximum) {

    public Backoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive");
        }
        if (maximum.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum backoff must be at least the initial one");
        }
    }

    /** The delay before retry number {@code consecutiveFailures} (1 for the first retry). */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures must be at least 1");
        }
        // Cap the exponent so the shift cannot overflow; 2^20 times any sane initial delay exceeds any maximum.
        int exponent = Math.min(consecutiveFailures - 1, 20);
        Duration delay = initial.multipliedBy(1L << exponent);
        return delay.compareTo(maximum) > 0 ? maximum : delay;
    }
}
