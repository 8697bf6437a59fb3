package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.policy.rules.PersonAttribution;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A check resolved against one rules snapshot: the budgets that cover it (in lock order) with their periods at
 * {@code checkedAt}, the person's attribution it used, and its estimate in USD micros (priced from tokens with
 * {@code rateCard}, or as the client stated it, then {@code rateCard} is null).
 */
public record ScopedCheck(CheckRequest request, Instant checkedAt, long rulesPosition,
                          @Nullable PersonAttribution attribution, List<BudgetInScope> budgets,
                          long estimatedCostUsdMicros, @Nullable RateCardRef rateCard) {
    public ScopedCheck {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(checkedAt, "checkedAt");
        budgets = List.copyOf(budgets);
    }
}
