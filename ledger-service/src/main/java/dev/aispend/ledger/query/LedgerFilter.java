package dev.aispend.ledger.query;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Which entries an audit query selects: every given criterion must hold (AND); an absent one selects everything.
 * Time ranges are half-open, {@code [from, to)}, so consecutive ranges never count an entry twice.
 *
 * @param eventTypes stored event type names; an entry of any of them matches (empty: any type)
 */
public record LedgerFilter(@Nullable Instant occurredFrom, @Nullable Instant occurredTo,
                           @Nullable Instant recordedFrom, @Nullable Instant recordedTo,
                           @Nullable String team, @Nullable String personRef, List<String> eventTypes,
                           @Nullable String source, @Nullable String policyId) {

    public LedgerFilter {
        eventTypes = List.copyOf(eventTypes);
    }

    /** Selects every entry. */
    public static LedgerFilter everything() {
        return new LedgerFilter(null, null, null, null, null, null, List.of(), null, null);
    }
}
