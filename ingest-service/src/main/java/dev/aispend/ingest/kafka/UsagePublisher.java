package dev.aispend.ingest.kafka;

import dev.aispend.contracts.usage.UsageRecord;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes usage to usage.v1 (named by {@code TopicNames}), keyed by team; the future completes when all
 * in-sync replicas have it.
 */
@KafkaClient(id = "usage", acks = KafkaClient.Acknowledge.ALL)
public interface UsagePublisher {

    CompletableFuture<RecordMetadata> publish(@Topic String topic, @KafkaKey String team, UsageRecord record);
}
