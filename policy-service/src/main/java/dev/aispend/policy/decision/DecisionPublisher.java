package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Sends decisions to the ledger's intake ({@code decisions.v1}) with acks=all and an idempotent producer
 * ({@code kafka.producers.decisions}), keyed by subject. The ledger records a decision id once, so sending a
 * decision again (after a failed delivery, a restart, a rebuild) records nothing new.
 */
@KafkaClient(id = "decisions", acks = KafkaClient.Acknowledge.ALL)
public interface DecisionPublisher {
    CompletableFuture<RecordMetadata> publish(@Topic String topic, @KafkaKey String subject, PolicyDecision decision);
}
