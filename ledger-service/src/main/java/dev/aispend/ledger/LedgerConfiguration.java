package dev.aispend.ledger;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Limits of the ledger, from {@code ledger.*} in application.yml (each with an environment variable). */
@ConfigurationProperties("ledger")
public record LedgerConfiguration(
        Intake intake,
        Publication publication,
        int usageTopicPartitions,
        short topicReplicationFactor) {

    /**
     * How usage.v1 is consumed: at most {@code maxBatchRecords} per database transaction; a failed batch is
     * retried after {@code retryInitialDelay}, doubling up to {@code retryMaxDelay}.
     */
    @ConfigurationProperties("intake")
    public record Intake(int maxBatchRecords, Duration pollTimeout, String consumerGroup,
                         Duration retryInitialDelay, Duration retryMaxDelay) {
    }

    /** How ledger.v1 is fed: at most {@code maxBatchEntries} per round trip to the broker. */
    @ConfigurationProperties("publication")
    public record Publication(int maxBatchEntries, Duration idleWait, Duration retryMaxDelay) {
    }
}
