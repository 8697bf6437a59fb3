package dev.aispend.policy.decision;

import dev.aispend.platform.budget.BudgetDefinition;

import java.time.Instant;
import java.util.List;

/** The conditions of budget decisions on one period's tally, in exact integer arithmetic. */
final class BudgetRules {
    private BudgetRules() {
    }

    /**
     * Whether {@code spent} reaches {@code percent} % of {@code amount}: spent × 100 ≥ amount × percent, so
     * exactly at the threshold counts and one micro below does not. Spend at or above the amount reaches every
     * threshold (each is at most 100 %), which also keeps the products within a long: below the amount, spent
     * is under 10^15 and spent × 100 under 10^17.
     */
    static boolean reaches(long spentUsdMicros, long amountUsdMicros, int percent) {
        if (spentUsdMicros >= amountUsdMicros) {
            return true;
        }
        return Math.multiplyExact(spentUsdMicros, 100L) >= Math.multiplyExact(amountUsdMicros, (long) percent);
    }

    static boolean exhausts(long spentUsdMicros, long amountUsdMicros) {
        return spentUsdMicros >= amountUsdMicros;
    }

    /**
     * The tally with every decision that no longer holds under a new budget version armed again, so it is made
     * again when it holds again: a raised amount takes back crossed thresholds, exhaustion and the forecast above
     * the new spend ratio. Decisions that still hold stay made, whatever the new version's threshold list: a
     * threshold dropped and later added back is not announced twice for spend that reached it once.
     */
    static PeriodTally rearm(PeriodTally tally, BudgetDefinition definition, Instant ledgerClock) {
        long spent = tally.spentUsdMicros();
        long amount = definition.amountUsdMicros();
        List<Integer> stillCrossed = tally.crossedThresholds().stream()
                .filter(percent -> reaches(spent, amount, percent)).toList();
        boolean stillExhausted = tally.exhausted() && exhausts(spent, amount);
        boolean stillForecast = tally.forecastAlerted()
                && LinearForecast.holds(tally.window(), ledgerClock, spent, amount);
        return tally.withCrossedThresholds(stillCrossed).withExhausted(stillExhausted)
                .withForecastAlerted(stillForecast);
    }
}
