package dev.aispend.ingest.source.otlp;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.source.otlp.OtlpBodies.Encoding;
import dev.aispend.ingest.source.otlp.mapping.CountingSignals;
import dev.aispend.ingest.source.otlp.mapping.LogsMapper;
import dev.aispend.ingest.source.otlp.mapping.MetricsMapper;
import dev.aispend.ingest.source.otlp.mapping.SpansMapper;
import dev.aispend.ingest.source.otlp.mapping.StreamKeys;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OTLP/HTTP receiver (docs/otlp.md): {@code POST /v1/metrics}, {@code /v1/logs}, {@code /v1/traces}, as an
 * OpenTelemetry exporter sends them with {@code OTEL_EXPORTER_OTLP_ENDPOINT} pointing here. Protobuf or JSON,
 * gzip or not. Answers as a collector does: 200 with the export response in the request's encoding, with
 * {@code partialSuccess} naming how many items were refused and why (the others are published); 400 for a body
 * that is not OTLP; 413 over the size limit (inflated size included); 415 for another content type; 503 with
 * Retry-After when Kafka did not acknowledge (nothing was committed: retry the same export). Runs on the
 * blocking executor: the series' rows stay locked while it waits for Kafka.
 */
@Secured(Roles.INGEST_CLIENT)
@Controller
@Tag(name = "otlp")
@ExecuteOn(TaskExecutors.BLOCKING)
final class OtlpController {
    private final JsonMapper jsonMapper;
    private final OtlpIntake intake;
    private final MetricsMapper metrics;
    private final LogsMapper logs;
    private final SpansMapper spans;
    private final long maxRequestBytes;
    private final ExportTurns turns;

    OtlpController(JsonMapper jsonMapper, OtlpIntake intake, OtlpConfiguration configuration,
                   IngestConfiguration ingest, ExportTurns turns,
                   @Value("${micronaut.server.max-request-size:10485760}") long maxRequestBytes) {
        CountingSignals counting = new CountingSignals(configuration.claudeCode(), configuration.genAi());
        this.jsonMapper = jsonMapper;
        this.intake = intake;
        this.metrics = new MetricsMapper(counting, StreamKeys.keyed(ingest.pseudonymKey()));
        this.logs = new LogsMapper(counting);
        this.spans = new SpansMapper(counting);
        this.maxRequestBytes = maxRequestBytes;
        this.turns = turns;
    }

    @Operation(summary = "OTLP/HTTP metrics export (Claude Code, GenAI token histogram)")
    @Post(value = "/v1/metrics", consumes = {MediaType.APPLICATION_JSON, OtlpBodies.PROTOBUF},
            produces = {MediaType.APPLICATION_JSON, OtlpBodies.PROTOBUF})
    HttpResponse<byte[]> metrics(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return turns.take(() -> exportMetrics(request, body));
    }

    private HttpResponse<byte[]> exportMetrics(HttpRequest<?> request, @Nullable byte[] body) {
        Encoding encoding = Encoding.of(request.getContentType().orElse(null));
        ExportMetricsServiceRequest export = OtlpBodies.parse(decoded(request, body), encoding,
                ExportMetricsServiceRequest.newBuilder(), jsonMapper).build();
        ExportResult result = intake.export(metrics.map(export), "data points");
        ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
        if (result.rejected() > 0) {
            response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                    .setRejectedDataPoints(result.rejected()).setErrorMessage(result.errorMessage()));
        }
        return OtlpBodies.respond(response.build(), encoding);
    }

    @Operation(summary = "OTLP/HTTP logs export (Claude Code's claude_code.api_request events)")
    @Post(value = "/v1/logs", consumes = {MediaType.APPLICATION_JSON, OtlpBodies.PROTOBUF},
            produces = {MediaType.APPLICATION_JSON, OtlpBodies.PROTOBUF})
    HttpResponse<byte[]> logs(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return turns.take(() -> exportLogs(request, body));
    }

    private HttpResponse<byte[]> exportLogs(HttpRequest<?> request, @Nullable byte[] body) {
        Encoding encoding = Encoding.of(request.getContentType().orElse(null));
        ExportLogsServiceRequest export = OtlpBodies.parse(decoded(request, body), encoding,
                ExportLogsServiceRequest.newBuilder(), jsonMapper).build();
        ExportResult result = intake.export(logs.map(export), "log records");
        ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
        if (result.rejected() > 0) {
            response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                    .setRejectedLogRecords(result.rejected()).setErrorMessage(result.errorMessage()));
        }
        return OtlpBodies.respond(response.build(), encoding);
    }

    @Operation(summary = "OTLP/HTTP traces export (spans with GenAI token usage)")
    @Post(value = "/v1/traces", consumes = {MediaType.APPLICATION_JSON, OtlpBodies.PROTOBUF},
            produces = {MediaType.APPLICATION_JSON, OtlpBodies.PROTOBUF})
    HttpResponse<byte[]> traces(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return turns.take(() -> exportTraces(request, body));
    }

    private HttpResponse<byte[]> exportTraces(HttpRequest<?> request, @Nullable byte[] body) {
        Encoding encoding = Encoding.of(request.getContentType().orElse(null));
        ExportTraceServiceRequest export = OtlpBodies.parse(decoded(request, body), encoding,
                ExportTraceServiceRequest.newBuilder(), jsonMapper).build();
        ExportResult result = intake.export(spans.map(export), "spans");
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (result.rejected() > 0) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(result.rejected()).setErrorMessage(result.errorMessage()));
        }
        return OtlpBodies.respond(response.build(), encoding);
    }

    private byte[] decoded(HttpRequest<?> request, @Nullable byte[] body) {
        return OtlpBodies.decoded(body, request.getHeaders().get(HttpHeaders.CONTENT_ENCODING), maxRequestBytes);
    }
}
