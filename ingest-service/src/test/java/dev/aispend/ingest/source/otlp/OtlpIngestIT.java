package dev.aispend.ingest.source.otlp;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.aispend.ingest.source.otlp.OtlpPosts.JSON;
import static dev.aispend.ingest.source.otlp.OtlpPosts.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claude-Code- and GenAI-shaped OTLP exports, JSON and protobuf, gzip or not, through to usage.v1 and outcomes.v1. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpIngestIT implements TestPropertyProvider {
    private static final String TOPIC_PREFIX = "otlp-it.";
    private static final Duration READ = Duration.ofSeconds(30);
    private final AtomicInteger exports = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return IngestTestProperties.of(TOPIC_PREFIX);
    }

    @Test
    void records_claude_codes_delta_metrics_as_usage_and_outcomes_and_answers_in_json() {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        KafkaProbe outcomes = probe(Topics.OUTCOMES_V1);

        HttpResponse<byte[]> response = OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-delta.json",
                exportTime());

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType()).get().asString().startsWith(JSON);
        assertThat(OtlpPosts.text(response)).isEqualTo("{}");
        List<String> usageRecords = values(usage.recordsSinceCreated(5, READ));
        assertThat(usageRecords).hasSize(5).allSatisfy(record -> assertThat(record)
                .contains("\"source\":\"otlp:claude-code\"", "\"team\":\"platform\"", "\"provider\":\"anthropic\"",
                        "\"costCenter\":\"eng-123\"", "\"purpose\":\"coding\"", "\"personRef\":\"als_")
                .doesNotContain("alice", "example.com", "EVIDENCE"));
        assertThat(usageRecords).anySatisfy(record -> assertThat(record).contains("\"inputTokens\":1200"))
                .anySatisfy(record -> assertThat(record).contains("\"cacheWrite5mTokens\":2100"))
                .anySatisfy(record -> assertThat(record).contains("\"reportedCostUsdMicros\":12300"));
        assertThat(values(outcomes.recordsSinceCreated(5, READ))).hasSize(5)
                .anySatisfy(record -> assertThat(record).contains("\"kind\":\"pull_request_created\"",
                        "\"sessionIds\":[\"b0c5e8e4-7d0a-4c9e-9a51-2f6d3c1e8a77\"]"))
                .anySatisfy(record -> assertThat(record).contains("\"kind\":\"lines_of_code\"", "\"additions\":42"));
    }

    @Test
    void takes_the_same_export_as_gzipped_protobuf_and_answers_in_protobuf() throws Exception {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        byte[] body = OtlpPosts.gzip(OtlpPosts.protobuf("claude-code-metrics-delta.json", exportTime(),
                ExportMetricsServiceRequest.newBuilder()));

        HttpResponse<byte[]> response = OtlpPosts.post(http, "/v1/metrics", body, PROTOBUF, true);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType()).get().asString().startsWith(PROTOBUF);
        assertThat(ExportMetricsServiceResponse.parseFrom(OtlpPosts.body(response)).hasPartialSuccess()).isFalse();
        assertThat(values(usage.recordsSinceCreated(5, READ))).hasSize(5)
                .anySatisfy(record -> assertThat(record).contains("\"outputTokens\":340"));
    }

    @Test
    void reports_refused_points_in_partial_success_and_publishes_the_others() throws Exception {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        Instant at = exportTime();

        HttpResponse<byte[]> json = OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-bad-points.json", at);
        HttpResponse<byte[]> protobuf = OtlpPosts.post(http, "/v1/metrics", OtlpPosts.protobuf(
                "claude-code-metrics-bad-points.json", at, ExportMetricsServiceRequest.newBuilder()), PROTOBUF, false);

        var jsonAnswer = OtlpPosts.jsonResponse(json, ExportMetricsServiceResponse.newBuilder()).getPartialSuccess();
        assertThat(jsonAnswer.getRejectedDataPoints()).isEqualTo(2);
        assertThat(jsonAnswer.getErrorMessage()).startsWith("2 data points rejected: ")
                .contains("dataPoints[1]", "whole number", "dataPoints[2]", "no model");
        assertThat(ExportMetricsServiceResponse.parseFrom(OtlpPosts.body(protobuf)).getPartialSuccess())
                .isEqualTo(jsonAnswer);
        assertThat(values(usage.recordsSinceCreated(2, READ))).hasSize(2)
                .allSatisfy(record -> assertThat(record).contains("\"inputTokens\":100"));
    }

    @Test
    void records_api_request_events_sent_gzipped_as_evidence_while_metrics_count() {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        byte[] body = OtlpPosts.gzip(OtlpFixtures.at("claude-code-logs.json", exportTime())
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> response = OtlpPosts.post(http, "/v1/logs", body, JSON, true);

        assertThat(OtlpPosts.text(response)).isEqualTo("{}");
        assertThat(values(usage.recordsSinceCreated(2, READ))).hasSize(2)
                .allSatisfy(record -> assertThat(record).contains("\"accounting\":\"EVIDENCE\"",
                        "\"source\":\"otlp:claude-code\""))
                .anySatisfy(record -> assertThat(record).contains("\"requestId\":\"req_011CVnJ4yGKz7W8e3aB9xQpL\"",
                        "\"inputTokens\":1200", "\"cacheReadTokens\":15000"));
    }

    @Test
    void records_genai_spans_by_their_hex_ids_from_json_and_protobuf_alike() {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        Instant at = exportTime();
        String id = DeterministicIds.of("otlp-span", "5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174");

        OtlpPosts.json(http, "/v1/traces", "genai-spans.json", at);
        OtlpPosts.post(http, "/v1/traces", OtlpPosts.protobuf("genai-spans.json", at,
                ExportTraceServiceRequest.newBuilder()), PROTOBUF, false);

        List<String> records = values(usage.recordsSinceCreated(6, READ));
        assertThat(records).hasSize(6);
        assertThat(records).filteredOn(record -> record.contains("\"usageRecordId\":\"" + id + "\"")).hasSize(2)
                .allSatisfy(record -> assertThat(record).contains("\"source\":\"otlp:support-agent\"",
                        "\"team\":\"support\"", "\"inputTokens\":300", "\"cacheReadTokens\":1000"));
    }

    @Test
    void records_the_genai_token_histogram_as_evidence_while_spans_count() {
        KafkaProbe usage = probe(Topics.USAGE_V1);

        OtlpPosts.json(http, "/v1/metrics", "genai-metrics.json", exportTime());

        assertThat(values(usage.recordsSinceCreated(2, READ))).hasSize(2)
                .allSatisfy(record -> assertThat(record).contains("\"accounting\":\"EVIDENCE\""));
    }

    @Test
    void refuses_another_media_type_a_malformed_body_and_a_gzip_bomb_publishing_nothing() {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        byte[] protobuf = OtlpPosts.protobuf("claude-code-logs.json", exportTime(),
                ExportLogsServiceRequest.newBuilder());
        byte[] truncated = java.util.Arrays.copyOf(protobuf, protobuf.length / 2);

        assertStatus(() -> OtlpPosts.post(http, "/v1/metrics", "hello".getBytes(StandardCharsets.UTF_8),
                "text/plain", false), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertStatus(() -> OtlpPosts.post(http, "/v1/logs", truncated, PROTOBUF, false), HttpStatus.BAD_REQUEST);
        assertStatus(() -> OtlpPosts.post(http, "/v1/traces", "{\"resourceSpans\": [".getBytes(
                StandardCharsets.UTF_8), JSON, false), HttpStatus.BAD_REQUEST);
        assertStatus(() -> OtlpPosts.post(http, "/v1/logs", OtlpPosts.gzip(new byte[8 * 1024 * 1024]), PROTOBUF,
                true), HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertThat(usage.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_an_export_with_more_points_to_record_than_one_request_may_carry() {
        String point = "{\"timeUnixNano\": \"1\", \"asInt\": \"1\"}";
        String json = "{\"resourceMetrics\": [{\"scopeMetrics\": [{\"metrics\": [{\"name\": "
                + "\"claude_code.commit.count\", \"sum\": {\"aggregationTemporality\": 1, \"isMonotonic\": true, "
                + "\"dataPoints\": [" + String.join(",", java.util.Collections.nCopies(1001, point)) + "]}}]}]}]}";

        assertStatus(() -> OtlpPosts.post(http, "/v1/metrics", json.getBytes(StandardCharsets.UTF_8), JSON, false),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void takes_an_export_with_more_points_of_ignored_metrics_than_the_batch_limit_and_records_its_token_point() {
        KafkaProbe usage = probe(Topics.USAGE_V1);
        long timeUnixNano = exportTime().getEpochSecond() * 1_000_000_000L;
        String ignored = "{\"timeUnixNano\": \"" + timeUnixNano + "\", \"asInt\": \"1\"}";
        String token = "{\"timeUnixNano\": \"" + timeUnixNano + "\", \"asInt\": \"777\", \"attributes\": ["
                + "{\"key\": \"type\", \"value\": {\"stringValue\": \"input\"}}, "
                + "{\"key\": \"model\", \"value\": {\"stringValue\": \"claude-sonnet-4-5-20250929\"}}]}";
        String json = "{\"resourceMetrics\": [{\"scopeMetrics\": [{\"metrics\": ["
                + "{\"name\": \"process.runtime.jvm.threads\", \"sum\": {\"aggregationTemporality\": 1, "
                + "\"isMonotonic\": true, \"dataPoints\": ["
                + String.join(",", java.util.Collections.nCopies(1001, ignored)) + "]}}, "
                + "{\"name\": \"claude_code.token.usage\", \"sum\": {\"aggregationTemporality\": 1, "
                + "\"isMonotonic\": true, \"dataPoints\": [" + token + "]}}]}]}]}";

        HttpResponse<byte[]> response = OtlpPosts.post(http, "/v1/metrics", json.getBytes(StandardCharsets.UTF_8),
                JSON, false);

        assertThat(response.code()).isEqualTo(200);
        assertThat(OtlpPosts.text(response)).isEqualTo("{}");
        assertThat(values(usage.recordsSinceCreated(1, READ))).singleElement().asString()
                .contains("\"inputTokens\":777");
    }

    private static void assertStatus(Runnable call, HttpStatus status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                assertThat(refused.getStatus().getCode()).as(refused.getMessage()).isEqualTo(status.getCode()));
    }

    /** A different export time for every export, so the tests' records never share an id. */
    private Instant exportTime() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1))
                .minus(Duration.ofMinutes(5L * exports.incrementAndGet()));
    }

    private static KafkaProbe probe(String topic) {
        return KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), TOPIC_PREFIX + topic);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
