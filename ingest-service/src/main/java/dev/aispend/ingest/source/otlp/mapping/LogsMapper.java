package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.UsdAmounts;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An OTLP logs export into usage: Claude Code's {@code claude_code.api_request} event (the record's body, or
 * its {@code event.name} attribute {@code api_request} or {@code claude_code.api_request}), one usage record per
 * API call with every token type, the reported cost ({@code cost_usd}) and {@code request_id}. Values may arrive
 * as strings. The id is derived from session, request id, {@code event.timestamp}, {@code event.sequence} and
 * the record's time, so an export sent twice is recorded once. Every other log record is ignored. These events
 * are evidence unless Claude Code's configured counting signal is {@code logs}. Pure, no I/O.
 */
public final class LogsMapper {
    static final String API_REQUEST = "claude_code.api_request";
    private static final Set<String> API_REQUEST_NAMES = Set.of("api_request", API_REQUEST);

    private final boolean evidenceOnly;

    public LogsMapper(CountingSignals counting) {
        this.evidenceOnly = counting.claudeCode() != CountingSignal.LOGS;
    }

    public MappedExport map(ExportLogsServiceRequest request) {
        MappedExport.Builder export = new MappedExport.Builder();
        for (int r = 0; r < request.getResourceLogsCount(); r++) {
            ResourceLogs resourceLogs = request.getResourceLogs(r);
            List<KeyValue> resource = resourceLogs.getResource().getAttributesList();
            for (int s = 0; s < resourceLogs.getScopeLogsCount(); s++) {
                ScopeLogs scopeLogs = resourceLogs.getScopeLogs(s);
                export.counted(scopeLogs.getLogRecordsCount());
                for (int l = 0; l < scopeLogs.getLogRecordsCount(); l++) {
                    LogRecord log = scopeLogs.getLogRecords(l);
                    Attributes attributes = Attributes.of(resource, log.getAttributesList());
                    if (!isApiRequest(log, attributes)) {
                        continue;
                    }
                    String location = "resourceLogs[" + r + "].scopeLogs[" + s + "].logRecords[" + l + "]";
                    try {
                        export.ready(new Submission.Usage(usage(log, attributes), location));
                    } catch (Refusal refusal) {
                        export.refuse(location, API_REQUEST + ": " + refusal.getMessage());
                    }
                }
            }
        }
        return export.build();
    }

    private static boolean isApiRequest(LogRecord log, Attributes attributes) {
        String eventName = attributes.text("event.name");
        return (eventName != null && API_REQUEST_NAMES.contains(eventName))
                || API_REQUEST.equals(log.getBody().getStringValue())
                || API_REQUEST.equals(log.getEventName());
    }

    private UsageSubmission usage(LogRecord log, Attributes attributes) {
        String model = ClaudeCodeMetrics.requiredModel(attributes);
        TokenCounts tokens = new TokenCounts(attributes.count("input_tokens"), attributes.count("output_tokens"),
                attributes.count("cache_read_tokens"), attributes.count("cache_creation_tokens"), 0, 0);
        BigDecimal costUsd = attributes.number("cost_usd");
        Long reportedCostUsdMicros = costUsd == null ? null : UsdAmounts.dollarsToMicros(costUsd);
        if (costUsd != null && reportedCostUsdMicros == null) {
            throw new Refusal("cost_usd is not a USD amount we can hold: " + costUsd.toPlainString());
        }
        String eventTimestamp = attributes.text("event.timestamp");
        Instant eventTime = Times.iso(eventTimestamp);
        Instant occurredAt = eventTime != null ? eventTime
                : Times.firstSet(log.getTimeUnixNano(), log.getObservedTimeUnixNano());
        Origin origin = Origin.of(attributes, "duration_ms");
        String requestId = attributes.text("request_id");
        String id = DeterministicIds.of("otlp-log", origin.source(), origin.sessionId(), requestId, eventTimestamp,
                attributes.text("event.sequence"), log.getTimeUnixNano());
        return new UsageSubmission(id, occurredAt, origin.source(), origin.subject(), origin.team(),
                origin.costCenter(), ClaudeCodeMetrics.PROVIDER, model, tokens, origin.purpose(), origin.sessionId(),
                requestId, reportedCostUsdMicros, origin.attributes(), evidenceOnly);
    }
}
