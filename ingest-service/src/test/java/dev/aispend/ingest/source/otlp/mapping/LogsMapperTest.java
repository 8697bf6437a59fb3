package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.otlp.OtlpRequests;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogsMapperTest {
    private static final Instant AT = OtlpFixtures.WRITTEN_AT;
    private final LogsMapper mapper = new LogsMapper(CountingSignals.DEFAULTS);

    @Test
    void maps_each_api_request_event_into_one_usage_with_every_token_type_from_strings_or_numbers() {
        MappedExport export = mapper.map(OtlpRequests.logs("claude-code-logs.json", AT));

        assertThat(export.items()).isEqualTo(4);
        assertThat(export.refused()).isEmpty();
        List<UsageSubmission> usage = usage(export);
        assertThat(usage).hasSize(2);
        UsageSubmission first = usage.get(0);
        assertThat(first.tokens()).isEqualTo(new TokenCounts(1200, 340, 15000, 2100, 0, 0));
        assertThat(first.reportedCostUsdMicros()).isEqualTo(12_300L);
        assertThat(first.requestId()).isEqualTo("req_011CVnJ4yGKz7W8e3aB9xQpL");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:00:30.123Z"));
        assertThat(first.source()).isEqualTo("otlp:claude-code");
        assertThat(first.provider()).isEqualTo("anthropic");
        assertThat(first.attributes()).containsEntry("duration_ms", "2345");
        assertThat(usage.get(1).tokens()).isEqualTo(new TokenCounts(310, 45, 0, 0, 0, 0));
        assertThat(usage.get(1).reportedCostUsdMicros()).isEqualTo(420L);
        assertThat(usage.get(1).model()).isEqualTo("claude-haiku-4-5-20251001");
    }

    @Test
    void records_api_requests_as_evidence_while_claude_codes_metrics_count_and_as_spend_when_logs_count() {
        ExportLogsServiceRequest request = OtlpRequests.logs("claude-code-logs.json", AT);

        assertThat(usage(mapper.map(request))).allMatch(UsageSubmission::evidenceOnly);
        assertThat(usage(new LogsMapper(new CountingSignals(CountingSignal.LOGS, CountingSignal.TRACES))
                .map(request))).noneMatch(UsageSubmission::evidenceOnly);
    }

    @Test
    void gives_the_same_event_the_same_id_and_another_event_another() {
        List<UsageSubmission> once = usage(mapper.map(OtlpRequests.logs("claude-code-logs.json", AT)));
        List<UsageSubmission> again = usage(mapper.map(OtlpRequests.logs("claude-code-logs.json", AT)));
        List<UsageSubmission> later = usage(mapper.map(OtlpRequests.logs("claude-code-logs.json",
                AT.plusSeconds(3600))));

        assertThat(again).extracting(UsageSubmission::id).isEqualTo(once.stream().map(UsageSubmission::id).toList());
        assertThat(later.get(0).id()).isNotEqualTo(once.get(0).id()).startsWith("otlp-log-");
    }

    @Test
    void refuses_an_event_with_a_fractional_token_count_naming_the_record() {
        String json = OtlpFixtures.at("claude-code-logs.json", AT).replace("\"1200\"", "\"1200.5\"");
        ExportLogsServiceRequest request = OtlpRequests.logsFromJson(json);

        MappedExport export = mapper.map(request);

        assertThat(usage(export)).hasSize(1);
        assertThat(export.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.field()).isEqualTo("resourceLogs[0].scopeLogs[0].logRecords[1]");
            assertThat(refused.message()).contains("input_tokens must be a whole number, was 1200.5");
        });
    }

    private static List<UsageSubmission> usage(MappedExport export) {
        return export.ready().stream().map(submission -> ((Submission.Usage) submission).usage()).toList();
    }
}
