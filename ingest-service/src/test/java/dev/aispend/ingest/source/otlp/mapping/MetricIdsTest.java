package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.otlp.series.PointIncreases;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.aispend.ingest.source.otlp.mapping.MetricsMapperTest.request;
import static dev.aispend.ingest.source.otlp.mapping.MetricsMapperTest.sum;
import static dev.aispend.ingest.source.otlp.mapping.MetricsMapperTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Metric ids and series keys come from a keyed stream key: stable, yet no email can be confirmed from them. */
class MetricIdsTest {
    private static final List<KeyValue> RESOURCE = List.of(text("service.name", "claude-code"),
            text("user.email", "alice@example.com"), text("user.account_uuid", "a1b2c3d4"));
    private static final List<KeyValue> POINT = List.of(text("type", "input"), text("model", "m"));
    private static final StreamKeys OTHER_KEY = StreamKeys.keyed(Base64.getEncoder().encodeToString(
            "another pseudonym key, 32 bytes+".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    @Test
    void gives_a_point_the_same_id_in_two_identical_exports() {
        MetricsMapper mapper = new MetricsMapper(CountingSignals.DEFAULTS, MetricsMapperTest.KEYS);

        assertThat(ids(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA))
                .isEqualTo(ids(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA))
                .singleElement().asString().startsWith("otlp-metric-");
        assertThat(ids(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE))
                .isEqualTo(ids(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE));
    }

    @Test
    void gives_a_point_another_id_and_series_under_another_pseudonym_key() {
        MetricsMapper mapper = new MetricsMapper(CountingSignals.DEFAULTS, MetricsMapperTest.KEYS);
        MetricsMapper otherKey = new MetricsMapper(CountingSignals.DEFAULTS, OTHER_KEY);

        for (AggregationTemporality temporality : List.of(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
                AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)) {
            assertThat(ids(otherKey, temporality)).doesNotContainAnyElementsOf(ids(mapper, temporality));
        }
        assertThat(PointIncreases.seriesOf(points(otherKey, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE))
                .keySet()).doesNotContainAnyElementsOf(PointIncreases.seriesOf(points(mapper,
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)).keySet());
    }

    @Test
    void does_not_give_the_id_an_unkeyed_hash_of_the_stream_would_give() {
        MetricsMapper mapper = new MetricsMapper(CountingSignals.DEFAULTS, MetricsMapperTest.KEYS);
        MetricPoint delta = points(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).get(0);
        MetricPoint cumulative = points(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE).get(0);
        String unkeyedStream = StreamKeys.sha256(StreamKeys.canonical(RESOURCE, "", "claude_code.token.usage",
                POINT));
        String unkeyedSeries = StreamKeys.series(unkeyedStream, cumulative.startTimeUnixNano());

        assertThat(delta.streamKey()).isNotEqualTo(unkeyedStream).hasSize(64);
        assertThat(ids(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)).containsExactly(
                        DeterministicIds.of("otlp-metric", delta.streamKey(), delta.startTimeUnixNano(),
                                delta.timeUnixNano()))
                .doesNotContain(DeterministicIds.of("otlp-metric", unkeyedStream, delta.startTimeUnixNano(),
                        delta.timeUnixNano()));
        assertThat(ids(mapper, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)).doesNotContain(
                DeterministicIds.of("otlp-metric", unkeyedSeries, cumulative.timeUnixNano()));
        assertThat(PointIncreases.seriesOf(List.of(cumulative))).doesNotContainKey(unkeyedSeries);
    }

    private static List<MetricPoint> points(MetricsMapper mapper, AggregationTemporality temporality) {
        ExportMetricsServiceRequest request = request(RESOURCE, sum("claude_code.token.usage", POINT, temporality,
                1200));
        return mapper.map(request).points();
    }

    private static List<String> ids(MetricsMapper mapper, AggregationTemporality temporality) {
        return PointIncreases.resolve(points(mapper, temporality), Map.of()).submissions().stream()
                .map(submission -> ((Submission.Usage) submission).usage().id()).toList();
    }
}
