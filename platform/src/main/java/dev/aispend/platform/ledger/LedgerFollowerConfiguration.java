package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.Backoff;
import dev.aispend.platform.kafka.ConsumerLoopSettings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How a service follows ledger.v1 ({@code ledger-follower.*}). Each follower has its own consumer group, so each
 * sees every entry.
 *
 * @param maxBatchEntries at most this many entries per poll, and so per projection transaction
 */
@ConfigurationProperties("ledger-follower")
public record LedgerFollowerConfiguration(String consumerGroup, int maxBatchEntries, Duration pollTimeout,
                                          Duration retryInitialDelay, Duration retryMaxDelay,
                                          short topicReplicationFactor) {

    public ConsumerLoopSettings consumerLoopSettings(String bootstrapServers, String ledgerTopic) {
        return new ConsumerLoopSettings(bootstrapServers, consumerGroup, ledgerTopic, maxBatchEntries,
                pollTimeout, new Backoff(retryInitialDelay, retryMaxDelay));
    }
}
