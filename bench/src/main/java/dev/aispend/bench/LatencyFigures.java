package dev.aispend.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** p50, p90, p99 and the maximum of a set of latencies, in milliseconds, as the benchmark prints and writes them. */
final class LatencyFigures {
    private LatencyFigures() {
    }

    /** The nearest-rank percentiles (no interpolation) of {@code nanos}; an empty set gives an empty map. */
    static Map<String, Object> millis(long[] nanos) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (nanos.length == 0) {
            return figures;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        figures.put("count", sorted.length);
        figures.put("p50Millis", rank(sorted, 0.5) / 1e6);
        figures.put("p90Millis", rank(sorted, 0.9) / 1e6);
        figures.put("p99Millis", rank(sorted, 0.99) / 1e6);
        figures.put("maxMillis", sorted[sorted.length - 1] / 1e6);
        return figures;
    }

    static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
