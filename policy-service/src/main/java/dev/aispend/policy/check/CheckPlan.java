package dev.aispend.policy.check;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ReservationStore#check} is to do for one check: judge it against its budgets' rows and, if allowed
 * or warned with an estimate above 0, reserve the estimate against each of them under {@code reservationId} until
 * {@code expiresAt}.
 */
public record CheckPlan(String checkId, String requestSha256, Instant checkedAt, long estimatedCostUsdMicros,
                        List<BudgetInScope> budgets, String reservationId, Instant expiresAt,
                        long rulesPosition) {
    public CheckPlan {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(requestSha256, "requestSha256");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        budgets = List.copyOf(budgets);
        if (!expiresAt.isAfter(checkedAt)) {
            throw new IllegalArgumentException("a reservation expires after the check");
        }
    }
}
