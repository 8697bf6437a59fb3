package dev.aispend.ingest.source.otlp;

import dev.aispend.testsupport.otlp.OtlpFixtures;
import io.micronaut.json.JsonMapper;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The OTLP JSON fixtures parsed as the receiver parses them (hex ids included), for the tests of the mappers. */
public final class OtlpRequests {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private OtlpRequests() {
    }

    public static ExportMetricsServiceRequest metrics(String fixture, Instant at) {
        return OtlpBodies.parse(bytes(fixture, at), OtlpBodies.Encoding.JSON,
                ExportMetricsServiceRequest.newBuilder(), JSON).build();
    }

    public static ExportLogsServiceRequest logs(String fixture, Instant at) {
        return OtlpBodies.parse(bytes(fixture, at), OtlpBodies.Encoding.JSON,
                ExportLogsServiceRequest.newBuilder(), JSON).build();
    }

    public static ExportTraceServiceRequest traces(String fixture, Instant at) {
        return OtlpBodies.parse(bytes(fixture, at), OtlpBodies.Encoding.JSON,
                ExportTraceServiceRequest.newBuilder(), JSON).build();
    }

    public static ExportLogsServiceRequest logsFromJson(String json) {
        return OtlpBodies.parse(json.getBytes(StandardCharsets.UTF_8), OtlpBodies.Encoding.JSON,
                ExportLogsServiceRequest.newBuilder(), JSON).build();
    }

    public static ExportTraceServiceRequest tracesFromJson(String json) {
        return OtlpBodies.parse(json.getBytes(StandardCharsets.UTF_8), OtlpBodies.Encoding.JSON,
                ExportTraceServiceRequest.newBuilder(), JSON).build();
    }

    private static byte[] bytes(String fixture, Instant at) {
        return OtlpFixtures.at(fixture, at).getBytes(StandardCharsets.UTF_8);
    }
}
