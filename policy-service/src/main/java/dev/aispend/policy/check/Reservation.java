package dev.aispend.policy.check;

import java.time.Instant;
import java.util.Objects;

/** A reservation a check took: {@code amountUsdMicros} held against each budget in its scope until expiresAt. */
public record Reservation(String reservationId, long amountUsdMicros, Instant expiresAt) {
    public Reservation {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
