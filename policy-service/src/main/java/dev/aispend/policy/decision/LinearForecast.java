package dev.aispend.policy.decision;

import dev.aispend.platform.budget.PeriodWindow;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Forecast method {@value #METHOD}: the period's spend so far, continued at the same average rate, reaches the
 * amount before the period ends. Integers only (milliseconds and USD micros, products in BigInteger), so a
 * verifier re-derives exactly the same answer on any machine.
 *
 * <p>With elapsed = clock − periodStart and length = periodEnd − periodStart (both in whole milliseconds, elapsed
 * truncated), it holds when elapsed ≥ 24 h, spent &lt; amount and spent × length ≥ amount × elapsed. The projected
 * exhaustion is periodStart + ⌈elapsed × amount / spent⌉ ms, which is at or before periodEnd exactly when it holds.
 * The first 24 hours are left out because a single early burst would otherwise project any budget to exhaustion.
 */
public final class LinearForecast {
    public static final String METHOD = "linear-v1";
    public static final Duration MINIMUM_ELAPSED = Duration.ofHours(24);

    private LinearForecast() {
    }

    /**
     * When the period's spend reaches the amount at its rate so far, if the forecast holds with the ledger clock
     * at {@code clock}; empty when it does not (also when the clock is outside the period).
     */
    public static Optional<Instant> projectedExhaustion(PeriodWindow window, Instant clock, long spentUsdMicros,
                                                        long amountUsdMicros) {
        if (!window.contains(clock) || spentUsdMicros >= amountUsdMicros || spentUsdMicros <= 0) {
            return Optional.empty();
        }
        long elapsedMillis = Duration.between(window.start(), clock).toMillis();
        if (elapsedMillis < MINIMUM_ELAPSED.toMillis()) {
            return Optional.empty();
        }
        long lengthMillis = Duration.between(window.start(), window.end()).toMillis();
        BigInteger spent = BigInteger.valueOf(spentUsdMicros);
        BigInteger amountTimesElapsed = BigInteger.valueOf(amountUsdMicros).multiply(BigInteger.valueOf(elapsedMillis));
        if (spent.multiply(BigInteger.valueOf(lengthMillis)).compareTo(amountTimesElapsed) < 0) {
            return Optional.empty();
        }
        // Ceiling of a positive quotient; at most lengthMillis, so it fits a long.
        long untilExhaustionMillis = amountTimesElapsed.add(spent).subtract(BigInteger.ONE).divide(spent)
                .longValueExact();
        return Optional.of(window.start().plusMillis(untilExhaustionMillis));
    }

    public static boolean holds(PeriodWindow window, Instant clock, long spentUsdMicros, long amountUsdMicros) {
        return projectedExhaustion(window, clock, spentUsdMicros, amountUsdMicros).isPresent();
    }
}
