package dev.aispend.ingest.source.otlp.mapping;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An OTLP metrics export into checked points of the metrics we count (Claude Code's, GenAI's token histogram),
 * each with its stream key and temporality; pure, no I/O. Metrics we do not count (Claude Code's
 * {@code code_edit_tool.decision} and {@code active_time.total}, any other application's) are acknowledged and
 * ignored, not refused. A point of a counted metric that cannot be taken as sent (no value, a fractional or
 * negative count, no model, an unknown temporality) is refused with its location; so is every point of a
 * counted Sum sent with {@code isMonotonic} false (an UpDownCounter): its running total may fall, and a fall
 * would be read as a reset and its whole value counted again. Stream keys are keyed ({@link StreamKeys}).
 */
public final class MetricsMapper {
    private final Map<String, MetricRule> rules = new HashMap<>();
    private final StreamKeys streamKeys;

    public MetricsMapper(CountingSignals counting, StreamKeys streamKeys) {
        this.streamKeys = streamKeys;
        rules.putAll(ClaudeCodeMetrics.rules(counting.claudeCode()));
        rules.putAll(GenAiMetrics.rules(counting.genAi()));
    }

    public MappedExport map(ExportMetricsServiceRequest request) {
        MappedExport.Builder export = new MappedExport.Builder();
        for (int r = 0; r < request.getResourceMetricsCount(); r++) {
            ResourceMetrics resourceMetrics = request.getResourceMetrics(r);
            List<KeyValue> resource = resourceMetrics.getResource().getAttributesList();
            for (int s = 0; s < resourceMetrics.getScopeMetricsCount(); s++) {
                ScopeMetrics scopeMetrics = resourceMetrics.getScopeMetrics(s);
                for (int m = 0; m < scopeMetrics.getMetricsCount(); m++) {
                    Metric metric = scopeMetrics.getMetrics(m);
                    export.counted(pointCount(metric));
                    MetricRule rule = rules.get(metric.getName());
                    if (rule != null) {
                        Stream stream = new Stream(resource, scopeMetrics.getScope().getName(), metric,
                                "resourceMetrics[" + r + "].scopeMetrics[" + s + "].metrics[" + m + "]");
                        map(stream, rule, export);
                    }
                }
            }
        }
        return export.build();
    }

    private void map(Stream stream, MetricRule rule, MappedExport.Builder export) {
        Metric metric = stream.metric();
        if (rule.shape() == MetricRule.Shape.SUM && metric.hasSum() && !metric.getSum().getIsMonotonic()) {
            for (int p = 0; p < pointCount(metric); p++) {
                export.refuse(stream.location() + ".sum.dataPoints[" + p + "]", metric.getName()
                        + ": isMonotonic must be true (a counter): a sum that may decrease is not counted");
            }
        } else if (rule.shape() == MetricRule.Shape.SUM && metric.hasSum()) {
            AggregationTemporality temporality = metric.getSum().getAggregationTemporality();
            List<NumberDataPoint> points = metric.getSum().getDataPointsList();
            for (int p = 0; p < points.size(); p++) {
                NumberDataPoint point = points.get(p);
                String location = stream.location() + ".sum.dataPoints[" + p + "]";
                take(stream, rule, temporality, location, point.getAttributesList(), point.getStartTimeUnixNano(),
                        point.getTimeUnixNano(), () -> value(point), export);
            }
        } else if (rule.shape() == MetricRule.Shape.HISTOGRAM && metric.hasHistogram()) {
            AggregationTemporality temporality = metric.getHistogram().getAggregationTemporality();
            List<HistogramDataPoint> points = metric.getHistogram().getDataPointsList();
            for (int p = 0; p < points.size(); p++) {
                HistogramDataPoint point = points.get(p);
                String location = stream.location() + ".histogram.dataPoints[" + p + "]";
                take(stream, rule, temporality, location, point.getAttributesList(), point.getStartTimeUnixNano(),
                        point.getTimeUnixNano(), () -> sum(point), export);
            }
        } else {
            String expected = rule.shape() == MetricRule.Shape.SUM ? "a Sum" : "a Histogram";
            for (int p = 0; p < pointCount(metric); p++) {
                export.refuse(stream.location(), metric.getName() + " must be " + expected + ", was "
                        + metric.getDataCase());
            }
        }
    }

    private void take(Stream stream, MetricRule rule, AggregationTemporality temporality, String location,
                             List<KeyValue> pointAttributes, long startTimeUnixNano, long timeUnixNano,
                             java.util.function.Supplier<BigDecimal> valueOf, MappedExport.Builder export) {
        String name = stream.metric().getName();
        try {
            if (temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA
                    && temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE) {
                throw new Refusal("aggregationTemporality must be 1 (DELTA) or 2 (CUMULATIVE), was " + temporality);
            }
            BigDecimal value = valueOf.get();
            if (value.signum() < 0) {
                throw new Refusal("value must not be negative, was " + value.toPlainString());
            }
            if (rule.whole()) {
                Numbers.count(value, "value");
            }
            Instant occurredAt = Times.firstSet(timeUnixNano);
            MetricPoint.Template template = rule.template(Attributes.of(stream.resource(), pointAttributes),
                    occurredAt, value);
            String streamKey = streamKeys.of(stream.resource(), stream.scopeName(), name, pointAttributes);
            export.point(new MetricPoint(streamKey,
                    temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, startTimeUnixNano,
                    timeUnixNano, value, location + " (" + name + ")", template));
        } catch (Refusal refusal) {
            export.refuse(location, name + ": " + refusal.getMessage());
        }
    }

    private static BigDecimal value(NumberDataPoint point) {
        return switch (point.getValueCase()) {
            case AS_INT -> BigDecimal.valueOf(point.getAsInt());
            case AS_DOUBLE -> Numbers.decimal(point.getAsDouble(), "value");
            default -> throw new Refusal("has no value (asInt or asDouble)");
        };
    }

    private static BigDecimal sum(HistogramDataPoint point) {
        if (!point.hasSum()) {
            throw new Refusal("has no sum");
        }
        return Numbers.decimal(point.getSum(), "sum");
    }

    static int pointCount(Metric metric) {
        return switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsCount();
            case SUM -> metric.getSum().getDataPointsCount();
            case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> metric.getSummary().getDataPointsCount();
            default -> 0;
        };
    }

    private record Stream(List<KeyValue> resource, String scopeName, Metric metric, String location) {
    }
}
