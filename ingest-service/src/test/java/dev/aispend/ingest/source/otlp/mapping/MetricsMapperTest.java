package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.otlp.OtlpRequests;
import dev.aispend.ingest.source.otlp.series.PointIncreases;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsMapperTest {
    private static final Instant AT = OtlpFixtures.WRITTEN_AT;
    static final StreamKeys KEYS = StreamKeys.keyed(IngestTestProperties.PSEUDONYM_KEY);
    private static final long TIME = AT.getEpochSecond() * 1_000_000_000L + 60_000_000_000L;
    private final MetricsMapper mapper = new MetricsMapper(CountingSignals.DEFAULTS, KEYS);

    @Test
    void maps_claude_codes_token_and_cost_points_into_usage_one_token_type_each() {
        MappedExport export = mapper.map(OtlpRequests.metrics("claude-code-metrics-delta.json", AT));

        assertThat(export.items()).isEqualTo(12);
        assertThat(export.refused()).isEmpty();
        List<UsageSubmission> usage = usage(export);
        assertThat(usage).extracting(UsageSubmission::tokens).containsExactly(
                new TokenCounts(1200, 0, 0, 0, 0, 0), new TokenCounts(0, 340, 0, 0, 0, 0),
                new TokenCounts(0, 0, 15000, 0, 0, 0), new TokenCounts(0, 0, 0, 2100, 0, 0), TokenCounts.zero());
        assertThat(usage.get(4).reportedCostUsdMicros()).isEqualTo(12_300L);
        UsageSubmission input = usage.get(0);
        assertThat(input.source()).isEqualTo("otlp:claude-code");
        assertThat(input.provider()).isEqualTo("anthropic");
        assertThat(input.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(input.team()).isEqualTo("platform");
        assertThat(input.costCenter()).isEqualTo("eng-123");
        assertThat(input.purpose()).isEqualTo("coding");
        assertThat(input.sessionId()).isEqualTo("b0c5e8e4-7d0a-4c9e-9a51-2f6d3c1e8a77");
        assertThat(input.subject().email()).isEqualTo("alice@example.com");
        assertThat(input.subject().providerAccountId()).isEqualTo("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
        assertThat(input.occurredAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(input.attributes()).containsEntry("organization.id", "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b")
                .containsEntry("query_source", "main").containsEntry("terminal.type", "vscode");
        assertThat(usage).noneMatch(UsageSubmission::evidenceOnly);
    }

    @Test
    void maps_claude_codes_counters_into_outcomes_with_the_session_as_evidence() {
        List<OutcomeSubmission> outcomes = outcomes(mapper.map(
                OtlpRequests.metrics("claude-code-metrics-delta.json", AT)));

        assertThat(outcomes).extracting(OutcomeSubmission::kind).containsExactly("agent_session", "lines_of_code",
                "lines_of_code", "commit", "pull_request_created");
        assertThat(outcomes.get(0).count()).isEqualTo(1L);
        assertThat(outcomes.get(1).additions()).isEqualTo(42L);
        assertThat(outcomes.get(1).deletions()).isNull();
        assertThat(outcomes.get(2).deletions()).isEqualTo(7L);
        assertThat(outcomes.get(4).aiAssistance().sessionIds())
                .containsExactly("b0c5e8e4-7d0a-4c9e-9a51-2f6d3c1e8a77");
        assertThat(outcomes.get(4).team()).isEqualTo("platform");
    }

    @Test
    void refuses_a_fractional_count_and_a_point_without_model_and_keeps_the_good_point() {
        MappedExport export = mapper.map(OtlpRequests.metrics("claude-code-metrics-bad-points.json", AT));

        assertThat(export.points()).hasSize(1);
        assertThat(export.refused()).hasSize(2);
        assertThat(export.refused().get(0).field())
                .isEqualTo("resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[1]");
        assertThat(export.refused().get(0).message()).contains("claude_code.token.usage", "whole number", "12.5");
        assertThat(export.refused().get(1).message()).contains("no model");
    }

    @Test
    void counts_token_and_cost_points_as_evidence_when_claude_codes_logs_count() {
        MetricsMapper logsCount = new MetricsMapper(new CountingSignals(CountingSignal.LOGS, CountingSignal.TRACES), KEYS);

        List<UsageSubmission> usage = usage(logsCount.map(OtlpRequests.metrics("claude-code-metrics-delta.json", AT)));

        assertThat(usage).hasSize(5).allMatch(UsageSubmission::evidenceOnly);
    }

    @Test
    void point_attributes_win_over_the_resources_and_user_id_stands_in_for_a_missing_account() {
        ExportMetricsServiceRequest request = request(List.of(text("team.id", "resource-team"),
                text("service.name", "Claude Code")), sum("claude_code.token.usage", List.of(
                text("team.id", "point-team"), text("type", "output"), text("model", "m"), text("user.id", "abc")),
                AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, 7));

        UsageSubmission usage = usage(mapper.map(request)).get(0);

        assertThat(usage.team()).isEqualTo("point-team");
        assertThat(usage.subject().providerAccountId()).isEqualTo("abc");
        assertThat(usage.source()).isEqualTo("otlp:claude-code");
    }

    @Test
    void ignores_metrics_it_does_not_count_reading_their_points_but_mapping_none() {
        ExportMetricsServiceRequest request = request(List.of(), sum("claude_code.active_time.total", List.of(),
                AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, 3), sum("claude_code.token.usage",
                List.of(text("type", "input"), text("model", "m")),
                AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, 5));

        MappedExport export = mapper.map(request);

        assertThat(export.items()).isEqualTo(2);
        assertThat(export.mapped()).isEqualTo(1);
        assertThat(export.points()).hasSize(1);
        assertThat(export.refused()).isEmpty();
    }

    @Test
    void refuses_every_point_of_a_counted_sum_that_is_not_monotonic_and_ignores_an_uncounted_one() {
        Metric upDown = Metric.newBuilder().setName("claude_code.token.usage").setSum(Sum.newBuilder()
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                .setIsMonotonic(false)
                .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(TIME).setAsInt(50))
                .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(TIME + 1).setAsInt(40))).build();
        Metric ignoredUpDown = upDown.toBuilder().setName("process.runtime.memory").build();

        MappedExport export = mapper.map(request(List.of(), upDown, ignoredUpDown));

        assertThat(export.points()).isEmpty();
        assertThat(export.mapped()).isZero();
        assertThat(export.refused()).extracting(error -> error.field()).containsExactly(
                "resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[0]",
                "resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[1]");
        assertThat(export.refused()).allSatisfy(error -> assertThat(error.message())
                .startsWith("claude_code.token.usage: isMonotonic must be true"));
    }

    @Test
    void refuses_a_counted_metric_sent_as_a_gauge_or_without_temporality() {
        Metric gauge = Metric.newBuilder().setName("claude_code.token.usage").setGauge(Gauge.newBuilder()
                .addDataPoints(NumberDataPoint.newBuilder().setAsInt(5).setTimeUnixNano(TIME))).build();
        Metric unspecified = sum("claude_code.commit.count", List.of(),
                AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED, 1);

        MappedExport export = mapper.map(request(List.of(), gauge, unspecified));

        assertThat(export.refused()).extracting(error -> error.message()).containsExactly(
                "claude_code.token.usage must be a Sum, was GAUGE",
                "claude_code.commit.count: aggregationTemporality must be 1 (DELTA) or 2 (CUMULATIVE), was "
                        + "AGGREGATION_TEMPORALITY_UNSPECIFIED");
    }

    @Test
    void maps_the_gen_ai_token_histogram_by_token_type_as_evidence_while_spans_count() {
        MappedExport export = mapper.map(OtlpRequests.metrics("genai-metrics.json", AT));

        assertThat(export.items()).isEqualTo(3);
        List<UsageSubmission> usage = usage(export);
        assertThat(usage).extracting(UsageSubmission::tokens)
                .containsExactly(TokenCounts.of(1500, 0), TokenCounts.of(0, 400));
        assertThat(usage).allMatch(UsageSubmission::evidenceOnly);
        assertThat(usage.get(0).provider()).isEqualTo("anthropic");
        assertThat(usage.get(0).source()).isEqualTo("otlp:support-agent");
        MetricsMapper metricsCount = new MetricsMapper(new CountingSignals(CountingSignal.METRICS,
                CountingSignal.METRICS), KEYS);
        assertThat(usage(metricsCount.map(OtlpRequests.metrics("genai-metrics.json", AT))))
                .noneMatch(UsageSubmission::evidenceOnly);
    }

    static List<UsageSubmission> usage(MappedExport export) {
        return PointIncreases.resolve(export.points(), Map.of()).submissions().stream()
                .filter(Submission.Usage.class::isInstance).map(s -> ((Submission.Usage) s).usage()).toList();
    }

    static List<OutcomeSubmission> outcomes(MappedExport export) {
        return PointIncreases.resolve(export.points(), Map.of()).submissions().stream()
                .filter(Submission.Outcome.class::isInstance).map(s -> ((Submission.Outcome) s).outcome())
                .toList();
    }

    static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    static Metric sum(String name, List<KeyValue> attributes, AggregationTemporality temporality, long value) {
        return Metric.newBuilder().setName(name).setSum(Sum.newBuilder().setAggregationTemporality(temporality)
                .setIsMonotonic(true).addDataPoints(NumberDataPoint.newBuilder().addAllAttributes(attributes)
                        .setStartTimeUnixNano(TIME - 60_000_000_000L).setTimeUnixNano(TIME).setAsInt(value)))
                .build();
    }

    static ExportMetricsServiceRequest request(List<KeyValue> resource, Metric... metrics) {
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(resource))
                .addScopeMetrics(ScopeMetrics.newBuilder().addAllMetrics(List.of(metrics)))).build();
    }
}
