package dev.aispend.platform.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rule every follower of ledger.v1 applies: take entries strictly after the position already applied, in
 * position order, each exactly one after the previous. Redelivered entries (at or below the checkpoint) are
 * dropped, which makes at-least-once delivery count every entry once. A gap means an entry went missing and
 * is an error: applying past it would make the read model silently wrong.
 */
public final class LedgerOrder {
    private LedgerOrder() {
    }

    public static List<LedgerEvent> toApplyAfter(long appliedPosition, List<LedgerEvent> delivered) {
        if (appliedPosition < 0) {
            throw new IllegalArgumentException("appliedPosition must not be negative");
        }
        List<LedgerEvent> sorted = new ArrayList<>(delivered);
        sorted.sort(Comparator.comparingLong(LedgerEvent::position));
        List<LedgerEvent> toApply = new ArrayList<>();
        long expected = appliedPosition + 1;
        for (LedgerEvent event : sorted) {
            if (event.position() < expected) {
                continue; // applied already, or a duplicate within this delivery
            }
            if (event.position() > expected) {
                throw new LedgerGapException(expected, event.position());
            }
            toApply.add(event);
            expected++;
        }
        return toApply;
    }

    /** Thrown when the next entry delivered is not the next position. */
    public static final class LedgerGapException extends IllegalStateException {
        public LedgerGapException(long expected, long delivered) {
            super("ledger.v1 delivered position " + delivered + " where " + expected + " was expected");
        }
    }
}
