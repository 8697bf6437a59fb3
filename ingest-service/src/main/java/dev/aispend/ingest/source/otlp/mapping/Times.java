package dev.aispend.ingest.source.otlp.mapping;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** OTLP times: unsigned nanoseconds since the epoch, 0 meaning unset; Claude Code's event.timestamp in ISO 8601. */
final class Times {

    private Times() {
    }

    /** The first set time of {@code unixNanos}, or null when none is. */
    static @Nullable Instant firstSet(long... unixNanos) {
        for (long nanos : unixNanos) {
            if (nanos != 0) {
                // Unsigned in the protocol; above Long.MAX_VALUE (year 2262) is read as negative and refused later.
                return Instant.ofEpochSecond(0, nanos);
            }
        }
        return null;
    }

    static @Nullable Instant iso(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unparsable) {
            throw new Refusal("event.timestamp must be an ISO 8601 time, was '" + Numbers.abbreviated(text) + "'");
        }
    }
}
