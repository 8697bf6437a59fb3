package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.source.otlp.mapping.CountingSignal;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the OTLP/HTTP receiver, {@code ingest.otlp.*} in application.yml (docs/otlp.md).
 *
 * @param claudeCodeCountingSignal {@code metrics} (default) or {@code logs}: which of Claude Code's signals
 *                                 counts as spend; the other is evidence
 * @param genAiCountingSignal      {@code traces} (default) or {@code metrics}: whether GenAI spans or the
 *                                 {@code gen_ai.client.token.usage} histogram count; the other is evidence
 * @param maxItemsPerRequest       the most data points + log records + spans one request may carry, used or
 *                                 ignored (INGEST_OTLP_MAX_ITEMS_PER_REQUEST, default 50000): bounds the cost of
 *                                 reading an export whose items are mostly of metrics we ignore. What we record
 *                                 is bounded by {@code ingest.max-batch-records} instead.
 */
@ConfigurationProperties("ingest.otlp")
public record OtlpConfiguration(String claudeCodeCountingSignal, String genAiCountingSignal,
                                @Bindable(defaultValue = "50000") int maxItemsPerRequest) {
    /** Upper bound of the setting: every item is mapped in memory within one request. */
    public static final int MAX_ITEMS_PER_REQUEST_LIMIT = 1_000_000;

    public OtlpConfiguration {
        if (maxItemsPerRequest < 1 || maxItemsPerRequest > MAX_ITEMS_PER_REQUEST_LIMIT) {
            throw new IllegalArgumentException("ingest.otlp.max-items-per-request (INGEST_OTLP_MAX_ITEMS_PER_REQUEST)"
                    + " must be within 1.." + MAX_ITEMS_PER_REQUEST_LIMIT + ", was " + maxItemsPerRequest);
        }
    }

    public CountingSignal claudeCode() {
        return CountingSignal.parse("ingest.otlp.claude-code-counting-signal (INGEST_OTLP_CLAUDE_CODE_COUNTING_SIGNAL)",
                claudeCodeCountingSignal, CountingSignal.METRICS, CountingSignal.LOGS);
    }

    public CountingSignal genAi() {
        return CountingSignal.parse("ingest.otlp.gen-ai-counting-signal (INGEST_OTLP_GEN_AI_COUNTING_SIGNAL)",
                genAiCountingSignal, CountingSignal.TRACES, CountingSignal.METRICS);
    }
}
