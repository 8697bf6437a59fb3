package dev.aispend.platform.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

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
        return toApplyAfter(appliedPosition, delivered, LedgerEvent::position);
    }

    /** The same rule for anything that carries a ledger position (an envelope not decoded yet, say). */
    public static <T> List<T> toApplyAfter(long appliedPosition, List<T> delivered, ToLongFunction<T> position) {
        if (appliedPosition < 0) {
            throw new IllegalArgumentException("appliedPosition must not be negative");
        }
        List<T> sorted = new ArrayList<>(delivered);
        sorted.sort(Comparator.comparingLong(position));
        List<T> toApply = new ArrayList<>();
        long expected = appliedPosition + 1;
        for (T entry : sorted) {
            long at = position.applyAsLong(entry);
            if (at < expected) {
                continue; // applied already, or a duplicate within this delivery
            }
            if (at > expected) {
                throw new LedgerGapException(expected, at);
            }
            toApply.add(entry);
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
