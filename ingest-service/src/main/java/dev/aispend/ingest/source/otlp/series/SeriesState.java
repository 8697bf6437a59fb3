package dev.aispend.ingest.source.otlp.series;

import java.math.BigDecimal;

/**
 * The last point seen of one cumulative series: its time and running total.
 *
 * @param lastTimeUnixNano the time of the last point counted
 * @param lastValue        the running total at that time, exactly as sent
 */
public record SeriesState(long lastTimeUnixNano, BigDecimal lastValue) {
}
