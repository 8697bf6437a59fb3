package dev.aispend.policy.budget;

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

    public BudgetDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        if (amountUsdMicros <= 0) {
            throw new IllegalArgumentException("amountUsdMicros must be positive, was " + amountUsdMicros);
        }
        softThresholdsPercent = List.copyOf(softThresholdsPercent);
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
