package dev.aispend.ingest.source.otlp.mapping;

import java.util.Locale;

/**
 * Which of a client's signals counts when it reports the same calls twice (docs/otlp.md). Claude Code sends
 * every call as metric points ({@code claude_code.token.usage}, {@code claude_code.cost.usage}) and as a log
 * event ({@code claude_code.api_request}); a GenAI-instrumented agent may send a span per call and the
 * {@code gen_ai.client.token.usage} histogram. Counting both would double the spend: the chosen signal goes to
 * the configured source of truth, the other is recorded as reconciliation evidence only.
 */
public enum CountingSignal {
    /** Claude Code's default: the metrics are what {@code OTEL_METRICS_EXPORTER=otlp} alone sends. */
    METRICS,
    /** Per-call log events: exact per request (request id, every token type), but need the logs exporter. */
    LOGS,
    /** GenAI's default: a span per call, with its ids and cache and reasoning tokens apart. */
    TRACES;

    /** One of {@code allowed} by name (any case); anything else stops start-up naming the allowed values. */
    public static CountingSignal parse(String setting, String configured, CountingSignal... allowed) {
        String value = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        for (CountingSignal signal : allowed) {
            if (signal.name().equals(value)) {
                return signal;
            }
        }
        throw new IllegalArgumentException(setting + " must be one of " + java.util.Arrays.toString(allowed)
                .toLowerCase(Locale.ROOT) + ", was '" + configured + "'");
    }
}
