package dev.aispend.ingest;

import dev.aispend.platform.secrets.Redacted;
import dev.aispend.platform.secrets.Secret;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Limits and secrets of ingest, from {@code ingest.*} in application.yml, each with an environment variable.
 *
 * @param pseudonymKey             base64 HMAC key that turns identities into refs (PSEUDONYM_KEY); required
 * @param maxTokensPerRecord       the most tokens one record may carry, all types together
 * @param maxBackfillTokensPerRecord the most tokens one imported (provider report) record may carry
 * @param maxClockSkew             how far in the future a time may lie, for clients with fast clocks
 * @param maxRecordAge             how far in the past a live client's time may lie
 * @param maxBackfillAge           how far in the past a provider import's time may lie
 * @param maxBatchRecords          the most records one request may carry, whatever its format
 * @param maxAttributes            the most extra attributes one usage record may carry
 * @param maxReportedCostUsdMicros the largest client-reported cost of one record
 * @param publishTimeout           how long a request waits for Kafka's acknowledgement before answering 503
 * @param retryAfterSeconds        the Retry-After of a 503
 * @param usageTopicPartitions     partitions of usage.v1 (and outcomes.v1) when ingest creates it
 * @param topicReplicationFactor   replication of the topics ingest creates
 * @param directoryEncryptionKey   base64 AES-256 key the directory encrypts aliases and person keys with
 *                                 (DIRECTORY_ENCRYPTION_KEY); required
 */
@ConfigurationProperties("ingest")
public record IngestConfiguration(
        @Secret @Nullable String pseudonymKey,
        long maxTokensPerRecord,
        long maxBackfillTokensPerRecord,
        Duration maxClockSkew,
        Duration maxRecordAge,
        Duration maxBackfillAge,
        int maxBatchRecords,
        int maxAttributes,
        long maxReportedCostUsdMicros,
        Duration publishTimeout,
        int retryAfterSeconds,
        int usageTopicPartitions,
        short topicReplicationFactor,
        @Secret @Nullable String directoryEncryptionKey) {

    /** Micronaut logs the beans it creates (at DEBUG): the keys must not be among what it writes. */
    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
