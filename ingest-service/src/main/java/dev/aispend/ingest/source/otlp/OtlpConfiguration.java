package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.source.otlp.mapping.CountingSignal;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

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
 * @param maxConcurrentExports     exports parsed and mapped at once (INGEST_OTLP_MAX_CONCURRENT_EXPORTS, default 2):
 *                                 the others wait their turn holding only their bytes (see {@link ExportTurns})
 * @param exportWait               how long an export waits for its turn before the answer is 503 with Retry-After
 *                                 (INGEST_OTLP_EXPORT_WAIT, default 10s, an exporter's own
 *                                 default timeout)
 */
@ConfigurationProperties("ingest.otlp")
public record OtlpConfiguration(String claudeCodeCountingSignal, String genAiCountingSignal,
                                @Bindable(defaultValue = "50000") int maxItemsPerRequest,
                                @Bindable(defaultValue = "2") int maxConcurrentExports,
                                @Bindable(defaultValue = "10s") Duration exportWait) {
    /** Upper bound of the setting: every item is mapped in memory within one request. */
    public static final int MAX_ITEMS_PER_REQUEST_LIMIT = 1_000_000;
    /** Upper bound of the concurrent exports: each holds its parsed export in memory. */
    public static final int MAX_CONCURRENT_EXPORTS_LIMIT = 256;
    /** Upper bound of an export's wait for its turn: an exporter's own timeout is shorter (10 s by default). */
    public static final Duration MAX_EXPORT_WAIT = Duration.ofMinutes(5);

    public OtlpConfiguration {
        if (maxItemsPerRequest < 1 || maxItemsPerRequest > MAX_ITEMS_PER_REQUEST_LIMIT) {
            throw new IllegalArgumentException("ingest.otlp.max-items-per-request (INGEST_OTLP_MAX_ITEMS_PER_REQUEST)"
                    + " must be within 1.." + MAX_ITEMS_PER_REQUEST_LIMIT + ", was " + maxItemsPerRequest);
        }
        if (maxConcurrentExports < 1 || maxConcurrentExports > MAX_CONCURRENT_EXPORTS_LIMIT) {
            throw new IllegalArgumentException("ingest.otlp.max-concurrent-exports (INGEST_OTLP_MAX_CONCURRENT_EXPORTS)"
                    + " must be within 1.." + MAX_CONCURRENT_EXPORTS_LIMIT + ", was " + maxConcurrentExports);
        }
        if (exportWait == null || exportWait.isNegative() || exportWait.compareTo(MAX_EXPORT_WAIT) > 0) {
            throw new IllegalArgumentException("ingest.otlp.export-wait (INGEST_OTLP_EXPORT_WAIT) must be within "
                    + "0s.." + MAX_EXPORT_WAIT.toSeconds() + "s, was " + exportWait);
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
