package dev.aispend.ingest.source.otlp.mapping;

import java.math.BigDecimal;

/**
 * One checked data point of a metric we count, before its temporality is applied: what it counts is its
 * increase, known only against the series' last point when it is CUMULATIVE (series/CumulativeSeries).
 *
 * @param streamKey  SHA-256 (hex) of the stream's identity: resource attributes, scope name, metric name and
 *                   point attributes ({@link StreamKeys}); with the start time it names a cumulative series
 * @param cumulative CUMULATIVE (a running total since {@code startTimeUnixNano}) rather than DELTA
 * @param value      the point's value as sent, non-negative (checked)
 * @param template   makes the submission once the increase and its deterministic id are known
 */
public record MetricPoint(String streamKey, boolean cumulative, long startTimeUnixNano, long timeUnixNano,
                          BigDecimal value, String location, Template template) {

    /** The submission for an increase of this point; the increase is positive and, for counts, whole. */
    @FunctionalInterface
    public interface Template {
        Submission at(String id, BigDecimal increase, String location);
    }

    public Submission at(String id, BigDecimal increase) {
        return template.at(id, increase, location);
    }
}
