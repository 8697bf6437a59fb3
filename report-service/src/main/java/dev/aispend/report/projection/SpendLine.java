package dev.aispend.report.projection;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.SpendRecorded;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One row of {@code spend_line}: what the entry at {@code position} adds for the spend recorded at
 * {@code originPosition}, at one key. The day is the UTC day of use (the original's, for a correction).
 */
record SpendLine(long position, long originPosition, String lineKind, Instant occurredAt, Attribution attribution,
                 String model, @Nullable String provider, @Nullable String purpose, String source, String recordId,
                 @Nullable RateCardRef rateCard, SpendAmounts amounts) {

    static final String SPEND = "SPEND";
    static final String REPRICE = "REPRICE";
    static final String MOVE_OUT = "MOVE_OUT";
    static final String MOVE_IN = "MOVE_IN";
    static final String EVIDENCE = "EVIDENCE";

    static SpendLine recorded(long position, String lineKind, SpendRecorded recorded, Attribution attribution) {
        return new SpendLine(position, position, lineKind, recorded.occurredAt(), attribution, recorded.model(),
                recorded.provider(), recorded.purpose(), recorded.source(), recorded.recordId(),
                recorded.spend().rateCard(), SpendAmounts.of(recorded));
    }

    LocalDate day() {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }

    /** The same key and dimensions with other amounts, written by another entry. */
    SpendLine withEntry(long entryPosition, String kind, Attribution to, SpendAmounts with) {
        return new SpendLine(entryPosition, originPosition, kind, occurredAt, to, model, provider, purpose, source,
                recordId, rateCard, with);
    }
}
