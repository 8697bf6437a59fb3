package dev.aispend.report.budgets;

import dev.aispend.platform.budget.PeriodWindow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * The forecast exhaustion date of a budget's period by policy-service's method {@value #METHOD} (docs/policy.md),
 * computed again here from the report's own figures, with the outcome said in words when there is no date.
 * Integers only: with elapsed = clock − periodStart and length = periodEnd − periodStart in whole milliseconds
 * (elapsed truncated), it projects when elapsed ≥ 24 h, 0 &lt; spent &lt; amount and spent × length ≥ amount ×
 * elapsed, at periodStart + ⌈elapsed × amount / spent⌉ ms. Pure: the clock is the ledger's, passed in.
 *
 * @param outcome {@code PROJECTED}; or why not: {@code RETIRED} (the budget counts nothing more),
 *                {@code NO_LEDGER_CLOCK}, {@code CLOCK_OUTSIDE_PERIOD},
 *                {@code TOO_EARLY} (under 24 h of the period elapsed), {@code NO_SPEND}, {@code EXHAUSTED}
 *                (spent has reached the amount), {@code BELOW_RATE} (at the rate so far the period ends first)
 */
@Serdeable
public record BudgetForecast(String method, String outcome, @Nullable Instant ledgerClock,
                             @Nullable Long elapsedMillis, long periodLengthMillis,
                             @Nullable Instant projectedExhaustionAt) {
    public static final String METHOD = "linear-v1";
    static final Duration MINIMUM_ELAPSED = Duration.ofHours(24);

    /** A retired budget counts and forecasts nothing (policy-service forecasts active budgets only). */
    static BudgetForecast retired(PeriodWindow window, @Nullable Instant clock) {
        return new BudgetForecast(METHOD, "RETIRED", clock, null,
                Duration.between(window.start(), window.end()).toMillis(), null);
    }

    static BudgetForecast of(PeriodWindow window, @Nullable Instant clock, long spentUsdMicros,
                             long amountUsdMicros) {
        long length = Duration.between(window.start(), window.end()).toMillis();
        if (clock == null) {
            return new BudgetForecast(METHOD, "NO_LEDGER_CLOCK", null, null, length, null);
        }
        if (!window.contains(clock)) {
            return new BudgetForecast(METHOD, "CLOCK_OUTSIDE_PERIOD", clock, null, length, null);
        }
        long elapsed = Duration.between(window.start(), clock).toMillis();
        String refusal = null;
        if (elapsed < MINIMUM_ELAPSED.toMillis()) {
            refusal = "TOO_EARLY";
        } else if (spentUsdMicros <= 0) {
            refusal = "NO_SPEND";
        } else if (spentUsdMicros >= amountUsdMicros) {
            refusal = "EXHAUSTED";
        }
        if (refusal != null) {
            return new BudgetForecast(METHOD, refusal, clock, elapsed, length, null);
        }
        BigInteger spent = BigInteger.valueOf(spentUsdMicros);
        BigInteger amountTimesElapsed = BigInteger.valueOf(amountUsdMicros).multiply(BigInteger.valueOf(elapsed));
        if (spent.multiply(BigInteger.valueOf(length)).compareTo(amountTimesElapsed) < 0) {
            return new BudgetForecast(METHOD, "BELOW_RATE", clock, elapsed, length, null);
        }
        long untilExhaustion = amountTimesElapsed.add(spent).subtract(BigInteger.ONE).divide(spent).longValueExact();
        return new BudgetForecast(METHOD, "PROJECTED", clock, elapsed, length,
                window.start().plusMillis(untilExhaustion));
    }
}
