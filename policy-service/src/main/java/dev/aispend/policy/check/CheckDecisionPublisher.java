package dev.aispend.policy.check;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Sends check decisions to decisions.v1, keyed by subject, with acks=all and an idempotent producer
 * ({@code kafka.producers.check-decisions}); each future completes when all in-sync replicas have the record.
 * The value is the PolicyDecision JSON exactly as the outbox stored it, which the ledger's intake decodes.
 */
@KafkaClient(id = "check-decisions", acks = KafkaClient.Acknowledge.ALL)
public interface CheckDecisionPublisher {

    CompletableFuture<RecordMetadata> publish(@Topic String topic, @KafkaKey String subject, byte[] decision);
}
