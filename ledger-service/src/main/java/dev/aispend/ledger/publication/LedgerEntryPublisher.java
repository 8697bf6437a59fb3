package dev.aispend.ledger.publication;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Sends sealed entries to ledger.v1 (and replay topics); idempotent producer, acks=all, so retries neither lose
 * nor reorder. The value is the entry's {@link dev.aispend.contracts.ledger.LedgerEnvelope} as JSON, written by
 * {@link EnvelopeJson}.
 */
@KafkaClient(id = "ledger", acks = KafkaClient.Acknowledge.ALL)
public interface LedgerEntryPublisher {

    CompletableFuture<RecordMetadata> publish(@Topic String topic, @KafkaKey String key, byte[] envelopeJson);
}
