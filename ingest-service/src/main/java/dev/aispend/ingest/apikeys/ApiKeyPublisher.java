package dev.aispend.ingest.apikeys;

import dev.aispend.contracts.security.ApiKeyState;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes API key states on api-keys.v1 (named by {@code TopicNames}), keyed by key id: the topic is compacted,
 * so the last state of every key stays. Its own producer ({@code kafka.producers.api-keys}), configured like the intake
 * producer (acks=all, idempotent, bounded blocking); the future completes when all in-sync replicas have the state.
 */
@KafkaClient(id = "api-keys", acks = KafkaClient.Acknowledge.ALL)
public interface ApiKeyPublisher {

    CompletableFuture<RecordMetadata> publish(@Topic String topic, @KafkaKey String keyId, ApiKeyState state);
}
