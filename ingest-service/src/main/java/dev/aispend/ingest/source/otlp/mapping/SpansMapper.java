package dev.aispend.ingest.source.otlp.mapping;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.util.HexFormat;
import java.util.List;

/**
 * An OTLP traces export into usage: one record per span that carries token usage under the GenAI conventions
 * ({@code gen_ai.usage.input_tokens}, {@code gen_ai.usage.output_tokens}), OpenLLMetry's older names
 * ({@code gen_ai.usage.prompt_tokens}, {@code completion_tokens}) or OpenInference's
 * ({@code llm.token_count.prompt}, {@code completion}). Input tokens include cached ones in those conventions,
 * so cache reads and writes are taken out of input (at least 0); reasoning tokens are taken out of output into
 * their own type, which has its own price. The id is the span's trace and span id (hex); the time its end.
 * Spans without token usage are ignored. Spans of Claude Code itself are evidence (its metrics or logs count),
 * as are all spans when the GenAI counting signal is {@code metrics}. Pure, no I/O.
 */
public final class SpansMapper {
    private static final String[] INPUT = {"gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens",
        "llm.token_count.prompt"};
    private static final String[] OUTPUT = {"gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
        "llm.token_count.completion"};
    private static final String[] CACHE_READ = {"gen_ai.usage.cache_read.input_tokens",
        "llm.token_count.prompt_details.cache_read"};
    private static final String[] CACHE_WRITE = {"gen_ai.usage.cache_creation.input_tokens",
        "llm.token_count.prompt_details.cache_write"};
    private static final String[] REASONING = {"gen_ai.usage.reasoning.output_tokens",
        "llm.token_count.completion_details.reasoning"};
    private static final String CLAUDE_CODE = "otlp:claude-code";

    private final boolean evidenceOnly;

    public SpansMapper(CountingSignals counting) {
        this.evidenceOnly = counting.genAi() != CountingSignal.TRACES;
    }

    public MappedExport map(ExportTraceServiceRequest request) {
        MappedExport.Builder export = new MappedExport.Builder();
        for (int r = 0; r < request.getResourceSpansCount(); r++) {
            ResourceSpans resourceSpans = request.getResourceSpans(r);
            List<KeyValue> resource = resourceSpans.getResource().getAttributesList();
            for (int s = 0; s < resourceSpans.getScopeSpansCount(); s++) {
                ScopeSpans scopeSpans = resourceSpans.getScopeSpans(s);
                export.counted(scopeSpans.getSpansCount());
                for (int i = 0; i < scopeSpans.getSpansCount(); i++) {
                    Span span = scopeSpans.getSpans(i);
                    Attributes attributes = Attributes.of(resource, span.getAttributesList());
                    if (!hasUsage(attributes)) {
                        continue;
                    }
                    String location = "resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "]";
                    try {
                        export.ready(new Submission.Usage(usage(span, attributes), location));
                    } catch (Refusal refusal) {
                        export.refuse(location, "span " + span.getName() + ": " + refusal.getMessage());
                    }
                }
            }
        }
        return export.build();
    }

    private static boolean hasUsage(Attributes attributes) {
        for (String[] keys : List.of(INPUT, OUTPUT)) {
            for (String key : keys) {
                if (attributes.has(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    private UsageSubmission usage(Span span, Attributes attributes) {
        if (span.getTraceId().isEmpty() || span.getSpanId().isEmpty()) {
            throw new Refusal("has no traceId or spanId");
        }
        String model = GenAi.model(attributes);
        TokenCounts tokens = tokens(attributes);
        Origin origin = Origin.of(attributes, "gen_ai.operation.name");
        HexFormat hex = HexFormat.of();
        String id = DeterministicIds.of("otlp-span", hex.formatHex(span.getTraceId().toByteArray()),
                hex.formatHex(span.getSpanId().toByteArray()));
        return new UsageSubmission(id, Times.firstSet(span.getEndTimeUnixNano(), span.getStartTimeUnixNano()),
                origin.source(), origin.subject(), origin.team(), origin.costCenter(), GenAi.provider(attributes),
                model, tokens, origin.purpose(), origin.sessionId(), attributes.text("gen_ai.response.id"), null,
                origin.attributes(), evidenceOnly || CLAUDE_CODE.equals(origin.source()));
    }

    /** The conventions' counts into ours: input without the cache, output without reasoning. */
    static TokenCounts tokens(Attributes attributes) {
        long input = orZero(attributes.firstCount(INPUT));
        long output = orZero(attributes.firstCount(OUTPUT));
        long cacheRead = orZero(attributes.firstCount(CACHE_READ));
        long cacheWrite = orZero(attributes.firstCount(CACHE_WRITE));
        long reasoning = orZero(attributes.firstCount(REASONING));
        // Saturating, never below 0: a client that reports input without the cache must not go negative.
        long uncachedInput = input - Math.min(input, cacheRead);
        uncachedInput -= Math.min(uncachedInput, cacheWrite);
        return new TokenCounts(uncachedInput, output - Math.min(output, reasoning), cacheRead, cacheWrite, 0,
                reasoning);
    }

    private static long orZero(Long count) {
        return count == null ? 0 : count;
    }
}
