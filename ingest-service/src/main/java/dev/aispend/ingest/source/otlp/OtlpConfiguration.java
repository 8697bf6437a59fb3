package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.source.otlp.mapping.CountingSignal;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Settings of the OTLP/HTTP receiver, {@code ingest.otlp.*} in application.yml (docs/otlp.md).
 *
 * @param claudeCodeCountingSignal {@code metrics} (default) or {@code logs}: which of Claude Code's signals
 *                                 counts as spend; the other is evidence
 * @param genAiCountingSignal      {@code traces} (default) or {@code metrics}: whether GenAI spans or the
 *                                 {@code gen_ai.client.token.usage} histogram count; the other is evidence
 */
@ConfigurationProperties("ingest.otlp")
public record OtlpConfiguration(String claudeCodeCountingSignal, String genAiCountingSignal) {

    public CountingSignal claudeCode() {
        return CountingSignal.parse("ingest.otlp.claude-code-counting-signal (INGEST_OTLP_CLAUDE_CODE_COUNTING_SIGNAL)",
                claudeCodeCountingSignal, CountingSignal.METRICS, CountingSignal.LOGS);
    }

    public CountingSignal genAi() {
        return CountingSignal.parse("ingest.otlp.gen-ai-counting-signal (INGEST_OTLP_GEN_AI_COUNTING_SIGNAL)",
                genAiCountingSignal, CountingSignal.TRACES, CountingSignal.METRICS);
    }
}
