package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.RateCardRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code POST /v1/checks}. Every budget in scope is listed as the check found it, before its own
 * reservation: {@code remainingUsdMicros = amount - spent - reserved}, negative once overspent. A check that
 * holds a reservation names it, with the amount held against each of those budgets and when it expires.
 *
 * @param decision       ALLOW, WARN or DENY: the worst of the budgets' results
 * @param ledgerPosition the ledger position the spend figures reflect (the highest of the budgets'; 0 for none)
 * @param rulesPosition  the policy projection position the budgets and rate cards came from
 */
@Serdeable
public record CheckResponse(String checkId, Instant checkedAt, String decision, DecidedBy decidedBy,
                            long estimatedCostUsdMicros, @Nullable RateCardRef rateCard,
                            @Nullable String reservationId, @Nullable Long reservedUsdMicros,
                            @Nullable Instant expiresAt, long ledgerPosition, long rulesPosition,
                            List<BudgetView> budgets) {

    /** The budget that decided (none when no active budget covers the check) and why. */
    @Serdeable
    public record DecidedBy(@Nullable String budgetId, @Nullable Long version, String reason) {
    }

    /** One budget in scope, in the period the check fell in. */
    @Serdeable
    public record BudgetView(String budgetId, long version, String name, String scope, String periodKey,
                             Instant periodStart, Instant periodEnd, long amountUsdMicros, long spentUsdMicros,
                             long spentAsOfPosition, long reservedUsdMicros, long remainingUsdMicros,
                             boolean hardCap, String result, String reason) {
    }
}
