package dev.aispend.testsupport.metrics;

import java.util.OptionalDouble;

/**
 * Reads one sample out of a service's /prometheus answer (the text exposition format): the line of a series,
 * named as Prometheus prints it, its labels in alphabetical order, e.g.
 * {@code aispend_ingest_records_accepted_total{source="api",type="usage"}}.
 */
public final class PrometheusText {
    private PrometheusText() {
    }

    /** The sample's value, or empty when the scrape has no such series. */
    public static OptionalDouble value(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " ") || (!series.contains("{") && line.startsWith(series + "{")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** The sample's value, or {@code absent} when the scrape has no such series (a counter not counted yet: 0). */
    public static double valueOr(String scrape, String series, double absent) {
        return value(scrape, series).orElse(absent);
    }
}
