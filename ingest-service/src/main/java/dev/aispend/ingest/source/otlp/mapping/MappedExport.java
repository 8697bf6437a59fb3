package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.platform.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * What one OTLP export request maps to, before anything is stored or published.
 *
 * @param items    every data point, log record and span the request carries, used or not (bounded by
 *                 {@code ingest.otlp.max-items-per-request}: what parsing and mapping cost)
 * @param ready    submissions that need no series state (log events, spans)
 * @param points   metric points whose increase is still to be found (DELTA or CUMULATIVE)
 * @param refused  one reason per item refused while mapping, naming its location
 */
public record MappedExport(int items, List<Submission> ready, List<MetricPoint> points, List<FieldError> refused) {

    public MappedExport {
        ready = List.copyOf(ready);
        points = List.copyOf(points);
        refused = List.copyOf(refused);
    }

    /**
     * The items this export would record: log records and spans mapped, metric points of counted metrics (before
     * their increase is known). Bounded by {@code ingest.max-batch-records}; items of metrics, events and spans we
     * ignore and refused items do not count.
     */
    public int mapped() {
        return ready.size() + points.size();
    }

    /** Collects a request's items as a mapper walks it. */
    static final class Builder {
        private int items;
        private final List<Submission> ready = new ArrayList<>();
        private final List<MetricPoint> points = new ArrayList<>();
        private final List<FieldError> refused = new ArrayList<>();

        void counted(int count) {
            items += count;
        }

        void ready(Submission submission) {
            ready.add(submission);
        }

        void point(MetricPoint point) {
            points.add(point);
        }

        void refuse(String location, String reason) {
            refused.add(new FieldError(location, reason));
        }

        MappedExport build() {
            return new MappedExport(items, ready, points, refused);
        }
    }
}
