package dev.aispend.ingest.source.otlp;

import com.google.protobuf.util.JsonFormat;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.source.JsonBodies;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtlpBodiesTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final String SPAN = """
            {"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "5B8EFFF798038103D269B633813FC60C",
              "spanId": "eee19b7ec3c1b174", "parentSpanId": "", "name": "chat",
              "links": [{"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00f067aa0ba902b7"}],
              "somethingNew": {"a": 1}}]}]}]}""";

    @Test
    void reads_hex_trace_and_span_ids_as_the_bytes_they_spell() {
        Span span = parseTraces(SPAN).getResourceSpans(0).getScopeSpans(0).getSpans(0);

        assertThat(HexFormat.of().formatHex(span.getTraceId().toByteArray()))
                .isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(HexFormat.of().formatHex(span.getSpanId().toByteArray())).isEqualTo("eee19b7ec3c1b174");
        assertThat(span.getParentSpanId().isEmpty()).isTrue();
        assertThat(HexFormat.of().formatHex(span.getLinks(0).getSpanId().toByteArray()))
                .isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void would_read_other_bytes_if_the_hex_went_to_protobufs_parser_as_is() throws IOException {
        ExportTraceServiceRequest.Builder naive = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(SPAN, naive);

        assertThat(HexFormat.of().formatHex(naive.getResourceSpans(0).getScopeSpans(0).getSpans(0).getSpanId()
                .toByteArray())).isNotEqualTo("eee19b7ec3c1b174");
    }

    @Test
    void refuses_an_id_that_is_not_hex_naming_where_it_is() {
        assertThatThrownBy(() -> parseTraces(SPAN.replace("eee19b7ec3c1b174", "not-hex!")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations().get(0).field())
                                .isEqualTo("$.resourceSpans[0].scopeSpans[0].spans[0].spanId"));
    }

    @Test
    void leaves_a_document_without_ids_as_it_is_and_copies_only_the_way_to_an_id() throws IOException {
        JsonNode metrics = JsonBodies.parse(JSON, """
                {"resourceMetrics": [{"scopeMetrics": [{"metrics": [{"name": "a"}]}]}]}""".getBytes(StandardCharsets.UTF_8));
        JsonNode spans = JsonBodies.parse(JSON, ("{\"other\": {\"spanId\": 1}, \"traces\": " + SPAN + "}")
                .getBytes(StandardCharsets.UTF_8));

        JsonNode rewritten = HexIds.toBase64(spans);

        assertThat(HexIds.toBase64(metrics)).isSameAs(metrics);
        assertThat(rewritten).isNotSameAs(spans);
        assertThat(rewritten.get("other")).as("a numeric spanId is not an id to rewrite").isSameAs(spans.get("other"));
        assertThat(rewritten.get("traces").get("resourceSpans").get(0).get("scopeSpans").get(0).get("spans").get(0)
                .get("spanId").getStringValue()).isEqualTo("7uGbfsPBsXQ=");
    }

    @Test
    void reads_enums_by_number_or_name_and_64_bit_numbers_as_strings() {
        String json = """
                {"resourceMetrics": [{"scopeMetrics": [{"metrics": [
                  {"name": "a", "sum": {"aggregationTemporality": 2,
                    "dataPoints": [{"timeUnixNano": "1795428060000000000", "asInt": "12"}]}},
                  {"name": "b", "sum": {"aggregationTemporality": "AGGREGATION_TEMPORALITY_DELTA",
                    "dataPoints": [{"timeUnixNano": 1795428060000000000, "asDouble": 1.5}]}}]}]}]}""";

        ExportMetricsServiceRequest request = OtlpBodies.parse(json.getBytes(StandardCharsets.UTF_8),
                OtlpBodies.Encoding.JSON, ExportMetricsServiceRequest.newBuilder(), JSON).build();

        var metrics = request.getResourceMetrics(0).getScopeMetrics(0);
        assertThat(metrics.getMetrics(0).getSum().getAggregationTemporalityValue()).isEqualTo(2);
        assertThat(metrics.getMetrics(0).getSum().getDataPoints(0).getAsInt()).isEqualTo(12);
        assertThat(metrics.getMetrics(1).getSum().getAggregationTemporalityValue()).isEqualTo(1);
        assertThat(metrics.getMetrics(1).getSum().getDataPoints(0).getTimeUnixNano())
                .isEqualTo(1795428060000000000L);
    }

    @Test
    void refuses_a_body_that_is_not_otlp_in_its_encoding() {
        byte[] garbage = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};

        assertThatThrownBy(() -> OtlpBodies.parse(garbage, OtlpBodies.Encoding.PROTOBUF,
                ExportMetricsServiceRequest.newBuilder(), JSON))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("not a valid OTLP protobuf");
        assertThatThrownBy(() -> OtlpBodies.parse("{\"resourceMetrics\": 5}".getBytes(StandardCharsets.UTF_8),
                OtlpBodies.Encoding.JSON, ExportMetricsServiceRequest.newBuilder(), JSON))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("not a valid OTLP JSON");
    }

    @Test
    void inflates_gzip_up_to_the_limit_and_refuses_a_body_that_inflates_beyond_it() throws IOException {
        byte[] small = gzip(new byte[1_000]);
        byte[] bomb = gzip(new byte[5_000_000]);

        assertThat(OtlpBodies.decoded(small, "gzip", 1_000)).hasSize(1_000);
        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> OtlpBodies.decoded(bomb, "gzip", 1_000_000))
                .isInstanceOfSatisfying(HttpStatusException.class, refused -> assertThat(
                        refused.getStatus().getCode()).isEqualTo(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()));
        assertThatThrownBy(() -> OtlpBodies.decoded(small, "br", 1_000))
                .isInstanceOfSatisfying(HttpStatusException.class, refused -> assertThat(
                        refused.getStatus().getCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode()));
    }

    private static ExportTraceServiceRequest parseTraces(String json) {
        return OtlpBodies.parse(json.getBytes(StandardCharsets.UTF_8), OtlpBodies.Encoding.JSON,
                ExportTraceServiceRequest.newBuilder(), JSON).build();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
