package dev.aispend.ledger.publication;

import dev.aispend.contracts.ledger.LedgerEntry;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/** Sends ledger entries to ledger.v1; idempotent producer, acks=all, so retries neither lose nor reorder. */
@KafkaClient(id = "ledger", acks = KafkaClient.Acknowledge.ALL)
public interface LedgerEntryPublisher {

    CompletableFuture<RecordMetadata> publish(@Topic String topic, @KafkaKey String key, LedgerEntry entry);
}
