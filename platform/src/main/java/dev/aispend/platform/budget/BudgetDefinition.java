package dev.aispend.platform.budget;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Objects;

/**
 * One version of a budget, as its policy content says (docs/policy.md has the JSON): what it counts
 * ({@link BudgetScope}), over which periods, how much, and what to do as spend approaches it.
 *
 * @param softThresholdsPercent ascending, distinct, each 1..100: a decision is recorded when a period's spend
 *                              reaches {@code amount × percent / 100} (at exactly that amount too)
 * @param hardCap               whether pre-flight checks deny what would take spend past the amount
 * @param forecastAlert         whether to record a forecast that the period's spend will reach the amount
 * @param active                false retires the budget: no decisions, no checks, versions kept
 */
@Serdeable
public record BudgetDefinition(
        String name,
        BudgetScope scope,
        BudgetPeriod period,
        long amountUsdMicros,
        List<Integer> softThresholdsPercent,
        boolean hardCap,
        boolean forecastAlert,
        boolean active) {

    /**
     * One billion US dollars: far above any real AI budget, so anything beyond is a typo. It also bounds every
     * product the evaluator forms ({@code amount × 100} fits a long with room to spare).
     */
    public static final long MAX_AMOUNT_USD_MICROS = 1_000_000_000_000_000L;
    /** A handful of alerts per period is useful; dozens are noise (and each is a recorded decision). */
    public static final int MAX_SOFT_THRESHOLDS = 10;
    public static final int MAX_NAME_LENGTH = 128;

    public BudgetDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        if (BudgetNames.problemOf(name) != null) {
            throw new IllegalArgumentException("name " + BudgetNames.problemOf(name));
        }
        if (amountUsdMicros <= 0 || amountUsdMicros > MAX_AMOUNT_USD_MICROS) {
            throw new IllegalArgumentException("amountUsdMicros must be within 1.." + MAX_AMOUNT_USD_MICROS
                    + ", was " + amountUsdMicros);
        }
        softThresholdsPercent = List.copyOf(softThresholdsPercent);
        if (softThresholdsPercent.size() > MAX_SOFT_THRESHOLDS) {
            throw new IllegalArgumentException("at most " + MAX_SOFT_THRESHOLDS + " soft thresholds, had "
                    + softThresholdsPercent.size());
        }
        int previous = 0;
        for (int percent : softThresholdsPercent) {
            if (percent <= previous || percent > 100) {
                throw new IllegalArgumentException("softThresholdsPercent must ascend within 1..100: "
                        + softThresholdsPercent);
            }
            previous = percent;
        }
    }
}
