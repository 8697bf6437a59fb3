package dev.aispend.policy.changes;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Sends policy change requests to the ledger's intake ({@code policy-changes.v1}), keyed by policy id so one
 * policy's requests stay in order, with acks=all and an idempotent producer ({@code kafka.producers.policy-changes}).
 */
@KafkaClient(id = "policy-changes", acks = KafkaClient.Acknowledge.ALL)
public interface PolicyChangePublisher {
    CompletableFuture<RecordMetadata> publish(@Topic String topic, @KafkaKey String policyId,
                                              PolicyChangeRequest request);
}
