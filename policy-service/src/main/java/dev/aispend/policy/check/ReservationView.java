package dev.aispend.policy.check;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/checks/reservations/{id}}: a reservation still held, and what it holds per budget period. */
@Serdeable
public record ReservationView(String reservationId, String checkId, Instant createdAt, Instant expiresAt,
                              List<Held> budgets) {
    public ReservationView {
        budgets = List.copyOf(budgets);
    }

    @Serdeable
    public record Held(String budgetId, String periodKey, long amountUsdMicros) {
    }
}
