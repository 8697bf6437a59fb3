package dev.aispend.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Limits and secrets of ingest, from {@code ingest.*} in application.yml, each with an environment variable.
 *
 * @param pseudonymKey           base64 HMAC key that turns identities into person refs (PSEUDONYM_KEY); required
 * @param maxTokensPerRecord     the most tokens one record may carry, all types together
 * @param maxClockSkew           how far in the future an occurredAt may lie, for clients with fast clocks
 * @param maxRecordAge           how far in the past an occurredAt may lie
 * @param maxBatchRecords        the most records one POST /v1/usage/batch may carry
 * @param usageTopicPartitions   partitions of usage.v1 when ingest creates it
 * @param topicReplicationFactor replication of the topics ingest creates
 */
@ConfigurationProperties("ingest")
public record IngestConfiguration(
        @Nullable String pseudonymKey,
        long maxTokensPerRecord,
        Duration maxClockSkew,
        Duration maxRecordAge,
        int maxBatchRecords,
        int usageTopicPartitions,
        short topicReplicationFactor) {
}
