package dev.aispend.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end lag, from the moment ingest acknowledged records to the moment a report first showed them, estimated
 * from two series the benchmark has: every acknowledgement (when, how many spend records) and samples of how many of
 * the run's records the report shows (when, how many). A report shows counts, not ids, so records are taken to
 * become visible in the order they were acknowledged: the records of the acknowledgement that brings the
 * acknowledged total to N are visible at the first sample showing at least N. Records on several partitions
 * overtake each other by a few milliseconds, so the error is about the sampling interval (docs/performance.md).
 * Pure: no clock, no I/O.
 */
final class VisibilityLag {
    /** {@code records} spend records acknowledged at {@code atNanos} (System.nanoTime). */
    record Ack(long atNanos, long records) {
    }

    /** The report showed {@code visibleRecords} of the run's records at {@code atNanos}. */
    record Sample(long atNanos, long visibleRecords) {
    }

    /** Lags in nanoseconds, weighted by records; {@code unseenRecords} were never shown by the last sample. */
    record Lags(long[] sortedNanos, long[] weights, long seenRecords, long unseenRecords) {
        /** The lag within which a share {@code q} (0..1] of the seen records became visible; -1 when none was. */
        long quantileNanos(double q) {
            if (q <= 0 || q > 1) {
                throw new IllegalArgumentException("a quantile is within (0, 1], not " + q);
            }
            long wanted = (long) Math.ceil(q * seenRecords);
            long cumulative = 0;
            for (int index = 0; index < sortedNanos.length; index++) {
                cumulative += weights[index];
                if (cumulative >= wanted) {
                    return sortedNanos[index];
                }
            }
            return -1;
        }

        /** p50, p99 and the longest lag in ms, the samples' interval, and the records never shown. */
        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("p50Millis", quantileNanos(0.5) / 1e6);
            figures.put("p99Millis", quantileNanos(0.99) / 1e6);
            figures.put("maxMillis", quantileNanos(1.0) / 1e6);
            figures.put("samplingIntervalMillis", ReportVisibility.INTERVAL.toMillis());
            figures.put("unseenRecords", unseenRecords);
            return figures;
        }
    }

    private VisibilityLag() {
    }

    static Lags of(List<Ack> acknowledgements, List<Sample> samples) {
        List<Ack> acks = new ArrayList<>(acknowledgements);
        acks.sort(Comparator.comparingLong(Ack::atNanos));
        List<Sample> shown = new ArrayList<>(samples);
        shown.sort(Comparator.comparingLong(Sample::atNanos));
        List<long[]> lagAndWeight = new ArrayList<>();
        long acknowledged = 0;
        long unseen = 0;
        int sample = 0;
        long mostShown = 0;
        for (Ack ack : acks) {
            if (ack.records() <= 0) {
                continue;
            }
            acknowledged += ack.records();
            // A report never shows fewer records later than earlier: a lower sample is a read of an older snapshot.
            while (sample < shown.size() && (Math.max(mostShown, shown.get(sample).visibleRecords()) < acknowledged
                    || shown.get(sample).atNanos() < ack.atNanos())) {
                mostShown = Math.max(mostShown, shown.get(sample).visibleRecords());
                sample++;
            }
            if (sample == shown.size()) {
                unseen += ack.records();
                continue;
            }
            lagAndWeight.add(new long[] {shown.get(sample).atNanos() - ack.atNanos(), ack.records()});
        }
        lagAndWeight.sort(Comparator.comparingLong(pair -> pair[0]));
        long[] lags = new long[lagAndWeight.size()];
        long[] weights = new long[lagAndWeight.size()];
        long seen = 0;
        for (int index = 0; index < lags.length; index++) {
            lags[index] = lagAndWeight.get(index)[0];
            weights[index] = lagAndWeight.get(index)[1];
            seen += weights[index];
        }
        return new Lags(lags, weights, seen, unseen);
    }
}
