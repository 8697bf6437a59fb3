package dev.aispend.ingest.kafka;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.usage.UsageRecord;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/** Publishes usage to {@code usage.v1}, keyed by team; the future completes when all in-sync replicas have it. */
@KafkaClient(id = "usage", acks = KafkaClient.Acknowledge.ALL)
public interface UsagePublisher {

    @Topic(Topics.USAGE_V1)
    CompletableFuture<RecordMetadata> publish(@KafkaKey String team, UsageRecord record);
}
