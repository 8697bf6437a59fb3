package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.otlp.OtlpRequests;
import dev.aispend.testsupport.otlp.OtlpFixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpansMapperTest {
    private static final Instant AT = OtlpFixtures.WRITTEN_AT;
    private final SpansMapper mapper = new SpansMapper(CountingSignals.DEFAULTS);

    @Test
    void takes_cache_tokens_out_of_input_and_names_the_usage_by_its_hex_trace_and_span_ids() {
        MappedExport export = mapper.map(OtlpRequests.traces("genai-spans.json", AT));

        assertThat(export.items()).isEqualTo(4);
        assertThat(export.refused()).isEmpty();
        UsageSubmission anthropic = usage(export).get(0);
        assertThat(anthropic.tokens()).isEqualTo(new TokenCounts(300, 400, 1000, 200, 0, 0));
        assertThat(anthropic.id()).isEqualTo(DeterministicIds.of("otlp-span", "5b8efff798038103d269b633813fc60c",
                "eee19b7ec3c1b174"));
        assertThat(anthropic.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(anthropic.provider()).isEqualTo("anthropic");
        assertThat(anthropic.source()).isEqualTo("otlp:support-agent");
        assertThat(anthropic.team()).isEqualTo("support");
        assertThat(anthropic.occurredAt()).isEqualTo(AT.plusMillis(4200));
        assertThat(anthropic.requestId()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(anthropic.sessionId()).isEqualTo("conv-7f3a");
        assertThat(anthropic.evidenceOnly()).isFalse();
    }

    @Test
    void takes_reasoning_out_of_output_and_reads_the_older_and_openinference_names() {
        List<UsageSubmission> usage = usage(mapper.map(OtlpRequests.traces("genai-spans.json", AT)));

        assertThat(usage).hasSize(3);
        assertThat(usage.get(1).tokens()).isEqualTo(new TokenCounts(800, 200, 0, 0, 0, 300));
        assertThat(usage.get(1).provider()).isEqualTo("openai");
        assertThat(usage.get(1).model()).isEqualTo("o4-mini-2025-04-16");
        assertThat(usage.get(2).tokens()).isEqualTo(new TokenCounts(100, 20, 0, 0, 0, 0));
        assertThat(usage.get(2).model()).isEqualTo("gpt-4o-2024-08-06");
    }

    @Test
    void never_takes_more_cached_tokens_out_of_input_than_it_has() {
        Attributes attributes = Attributes.of(List.of(), List.of(MetricsMapperTest.text("gen_ai.usage.input_tokens",
                "100"), MetricsMapperTest.text("gen_ai.usage.cache_read.input_tokens", "150")));

        assertThat(SpansMapper.tokens(attributes)).isEqualTo(new TokenCounts(0, 0, 150, 0, 0, 0));
    }

    @Test
    void refuses_a_span_with_usage_but_no_model() {
        String json = OtlpFixtures.at("genai-spans.json", AT).replace("\"llm.model_name\"", "\"llm.other\"");

        MappedExport export = mapper.map(OtlpRequests.tracesFromJson(json));

        assertThat(export.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.field()).isEqualTo("resourceSpans[0].scopeSpans[2].spans[0]");
            assertThat(refused.message()).contains("ChatCompletion", "no model");
        });
    }

    @Test
    void records_spans_as_evidence_when_the_gen_ai_metric_counts() {
        SpansMapper metricsCount = new SpansMapper(new CountingSignals(CountingSignal.METRICS,
                CountingSignal.METRICS));

        assertThat(usage(metricsCount.map(OtlpRequests.traces("genai-spans.json", AT))))
                .allMatch(UsageSubmission::evidenceOnly);
    }

    private static List<UsageSubmission> usage(MappedExport export) {
        return export.ready().stream().map(submission -> ((Submission.Usage) submission).usage()).toList();
    }
}
