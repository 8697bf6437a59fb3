package dev.aispend.ingest.source.otlp.mapping;

/**
 * The configured counting signal of each client that reports the same calls twice ({@link CountingSignal}).
 *
 * @param claudeCode {@link CountingSignal#METRICS} or {@link CountingSignal#LOGS}
 * @param genAi      {@link CountingSignal#TRACES} or {@link CountingSignal#METRICS}
 */
public record CountingSignals(CountingSignal claudeCode, CountingSignal genAi) {
    public static final CountingSignals DEFAULTS = new CountingSignals(CountingSignal.METRICS, CountingSignal.TRACES);
}
