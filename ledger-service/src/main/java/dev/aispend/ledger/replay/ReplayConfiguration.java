package dev.aispend.ledger.replay;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits of replays ({@code ledger.replay.*}, each with an environment variable).
 *
 * @param maxConcurrent          replays running at once; each holds a thread and a share of the producer
 * @param maxRangeEntries        the most entries one replay may cover, so no single request runs for days
 * @param batchEntries           entries read and sent per round trip; what a replay holds in memory
 * @param acknowledgementTimeout how long a batch may wait for the broker before the replay fails
 */
@ConfigurationProperties("ledger.replay")
public record ReplayConfiguration(int maxConcurrent, long maxRangeEntries, int batchEntries,
                                  Duration acknowledgementTimeout) {

    public ReplayConfiguration {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("ledger.replay.max-concurrent must be at least 1");
        }
        if (maxRangeEntries < 1) {
            throw new IllegalArgumentException("ledger.replay.max-range-entries must be at least 1");
        }
        if (batchEntries < 1 || batchEntries > 10_000) {
            throw new IllegalArgumentException("ledger.replay.batch-entries must be within 1..10000");
        }
        if (acknowledgementTimeout == null || acknowledgementTimeout.isNegative()
                || acknowledgementTimeout.isZero()) {
            throw new IllegalArgumentException("ledger.replay.acknowledgement-timeout must be a positive duration");
        }
    }
}
