package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.Backoff;
import dev.aispend.platform.kafka.ConsumerLoopSettings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How a service follows ledger.v1 ({@code ledger-follower.*}). Each projection reads with its own consumer group,
 * {@code <consumerGroup>.<projection name>}, so each sees every entry and can be sent back to the beginning
 * without moving the others.
 *
 * @param maxBatchEntries at most this many entries per poll, and so per projection transaction
 */
@ConfigurationProperties("ledger-follower")
public record LedgerFollowerConfiguration(String consumerGroup, int maxBatchEntries, Duration pollTimeout,
                                          Duration retryInitialDelay, Duration retryMaxDelay,
                                          short topicReplicationFactor) {

    public String consumerGroupOf(String projectionName) {
        return consumerGroup + "." + projectionName;
    }

    public ConsumerLoopSettings consumerLoopSettings(String bootstrapServers, String ledgerTopic,
                                                     String projectionName) {
        return new ConsumerLoopSettings(bootstrapServers, consumerGroupOf(projectionName), List.of(ledgerTopic),
                maxBatchEntries, pollTimeout, new Backoff(retryInitialDelay, retryMaxDelay));
    }
}
