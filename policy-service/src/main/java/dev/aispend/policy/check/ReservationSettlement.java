package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.policy.rules.PolicyProjection;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Releases a check's reservation when the ledger records the usage that carries its id (attribute
 * {@value #RESERVATION_ATTRIBUTE}), in the policy projection's transaction: the same commit adds the spend and
 * drops the hold, so the amount is never counted twice nor, for a moment, not at all. Evidence (not spend) settles
 * nothing: the spend that settles it is recorded from the source of truth.
 */
@Singleton
public class ReservationSettlement implements PolicyProjection.LedgerStep {
    /** The usage attribute naming the reservation it settles (ingest passes client attributes through). */
    public static final String RESERVATION_ATTRIBUTE = "aispend.reservation_id";

    private final ReservationStore reservations;

    ReservationSettlement(ReservationStore reservations) {
        this.reservations = reservations;
    }

    @Override
    public int order() {
        return 10; // After the evaluator, whose writes come first in the transaction.
    }

    @Override
    public void apply(Connection connection, List<LedgerEvent> events) {
        for (LedgerEvent event : events) {
            if (event.payload() instanceof SpendRecorded spend) {
                Map<String, String> attributes = spend.attributes();
                String reservationId = attributes == null ? null : attributes.get(RESERVATION_ATTRIBUTE);
                if (reservationId != null) {
                    reservations.settle(connection, reservationId);
                }
            }
        }
    }

    @Override
    public void reset(Connection connection) {
        // Reservations are what callers hold now, not a figure derived from the ledger: a rebuild keeps them.
    }
}
