package dev.aispend.ingest.source.otlp.series;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * What a point of a CUMULATIVE series adds: its running total minus the last one seen. A series is one stream
 * from one start time (mapping/StreamKeys#series), so a client restart (a new start time) is a new series
 * whose first point counts whole. Within a series:
 * <ul>
 * <li>the first point seen counts its whole value (everything since the start time);</li>
 * <li>a point at or before the last seen time is a repeat (a retried or reordered export): it adds nothing and
 * leaves the state as it was;</li>
 * <li>a value below the last is a reset the client did not announce: it starts over and counts the new value;</li>
 * <li>otherwise it adds the difference (possibly zero).</li>
 * </ul>
 * Pure; the state lives in PostgreSQL (JdbcSeriesStore), locked for the request.
 */
public final class CumulativeSeries {

    private CumulativeSeries() {
    }

    /** The increase of a point and the series' state after it. */
    public record Step(BigDecimal increase, @Nullable SeriesState next) {
    }

    public static Step advance(@Nullable SeriesState last, long timeUnixNano, BigDecimal value) {
        SeriesState next = new SeriesState(timeUnixNano, value);
        if (last == null) {
            return new Step(value, next);
        }
        // Unsigned in the protocol: compare as such, though no real time reaches the sign bit before 2262.
        if (Long.compareUnsigned(timeUnixNano, last.lastTimeUnixNano()) <= 0) {
            return new Step(BigDecimal.ZERO, last);
        }
        if (value.compareTo(last.lastValue()) < 0) {
            return new Step(value, next);
        }
        return new Step(value.subtract(last.lastValue()), next);
    }
}
