package dev.aispend.report.rebuild;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code report.rebuild.*}: the replay topic's name prefix (the generation and a time follow), entries per
 * transaction while rebuilding, the most entries one replay request covers (the ledger caps it too), and how many
 * retired generations keep their tables for comparison.
 */
@ConfigurationProperties("report.rebuild")
public record RebuildConfiguration(String replayTopicPrefix, int maxBatchEntries, long replayChunkEntries,
                                   int keepRetired) {
    public RebuildConfiguration {
        if (!replayTopicPrefix.contains("ledger-replay")) {
            throw new IllegalArgumentException("report.rebuild.replay-topic-prefix must name a ledger-replay topic");
        }
        if (maxBatchEntries < 1 || replayChunkEntries < 1 || keepRetired < 0) {
            throw new IllegalArgumentException("report.rebuild: batch and chunk sizes must be positive, "
                    + "keep-retired not negative");
        }
    }
}
