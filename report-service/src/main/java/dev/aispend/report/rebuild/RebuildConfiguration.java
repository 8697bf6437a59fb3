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
        // At least the generation just retired is kept: reads that began on it may still be running, and the
        // switch compares its digests with the new one's.
        if (maxBatchEntries < 1 || replayChunkEntries < 1 || keepRetired < 1) {
            throw new IllegalArgumentException("report.rebuild: batch and chunk sizes and keep-retired must be "
                    + "at least 1");
        }
    }
}
