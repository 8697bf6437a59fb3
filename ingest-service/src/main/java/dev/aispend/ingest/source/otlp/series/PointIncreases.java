package dev.aispend.ingest.source.otlp.series;

import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.otlp.mapping.MetricPoint;
import dev.aispend.ingest.source.otlp.mapping.StreamKeys;
import dev.aispend.ingest.source.otlp.mapping.Submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns metric points into submissions of what each adds, given the last state of their cumulative series:
 * a DELTA point adds its value (id from the keyed stream key, start and time, so a resent export repeats its ids
 * and no personal value can be recomputed into it without the pseudonym key, mapping/StreamKeys); a
 * CUMULATIVE point adds its increase ({@link CumulativeSeries}; id from series and time, so a retry after a
 * rolled-back attempt recomputes the same increase under the same id). A point that adds nothing publishes
 * nothing. Pure: the caller loads and saves the states around it, in one transaction.
 */
public final class PointIncreases {
    static final String ID_PREFIX = "otlp-metric";

    private PointIncreases() {
    }

    /**
     * @param submissions what the points add, in the points' order
     * @param changed     the new state of every cumulative series a point advanced
     */
    public record Resolved(List<Submission> submissions, Map<String, SeriesState> changed) {
    }

    /** The cumulative series of {@code points} (key to start time), sorted by key: the order they are locked in. */
    public static SortedMap<String, Long> seriesOf(List<MetricPoint> points) {
        SortedMap<String, Long> series = new TreeMap<>();
        for (MetricPoint point : points) {
            if (point.cumulative()) {
                series.put(StreamKeys.series(point.streamKey(), point.startTimeUnixNano()),
                        point.startTimeUnixNano());
            }
        }
        return series;
    }

    /** @param states the last state of each series in {@link #seriesOf} that has one */
    public static Resolved resolve(List<MetricPoint> points, Map<String, SeriesState> states) {
        Map<String, SeriesState> changed = new HashMap<>();
        Map<MetricPoint, Increase> increases = cumulativeIncreases(points, states, changed);
        List<Submission> submissions = new ArrayList<>();
        for (MetricPoint point : points) {
            Increase increase = point.cumulative() ? increases.get(point)
                    : new Increase(DeterministicIds.of(ID_PREFIX, point.streamKey(), point.startTimeUnixNano(),
                    point.timeUnixNano()), point.value());
            if (increase.amount().signum() > 0) {
                submissions.add(point.at(increase.id(), increase.amount()));
            }
        }
        return new Resolved(submissions, changed);
    }

    private static Map<MetricPoint, Increase> cumulativeIncreases(List<MetricPoint> points,
                                                                  Map<String, SeriesState> states,
                                                                  Map<String, SeriesState> changed) {
        Map<String, SeriesState> current = new HashMap<>(states);
        Map<MetricPoint, Increase> increases = new IdentityHashMap<>();
        List<MetricPoint> cumulative = points.stream().filter(MetricPoint::cumulative)
                .sorted(Comparator.comparing((MetricPoint point) -> seriesKey(point))
                        .thenComparing(MetricPoint::timeUnixNano, Long::compareUnsigned))
                .toList();
        for (MetricPoint point : cumulative) {
            String seriesKey = seriesKey(point);
            CumulativeSeries.Step step = CumulativeSeries.advance(current.get(seriesKey), point.timeUnixNano(),
                    point.value());
            current.put(seriesKey, step.next());
            changed.put(seriesKey, step.next());
            increases.put(point, new Increase(DeterministicIds.of(ID_PREFIX, seriesKey, point.timeUnixNano()),
                    step.increase()));
        }
        return increases;
    }

    private static String seriesKey(MetricPoint point) {
        return StreamKeys.series(point.streamKey(), point.startTimeUnixNano());
    }

    private record Increase(String id, BigDecimal amount) {
    }
}
