package dev.aispend.ingest.kafka;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.IdentityMessage;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageRecord;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageHeader;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes what ingest accepted to the ledger's intake topics (named by {@code TopicNames}) with acks=all and
 * an idempotent producer ({@code kafka.producers.intake}); each future completes when all in-sync replicas have
 * the record. Usage and outcomes are keyed by team (one team's records stay in order on one partition),
 * directory links by alias ref, re-identifications by person ref; identity.v1's records are named by a header
 * ({@link IdentityMessage}).
 */
@KafkaClient(id = "intake", acks = KafkaClient.Acknowledge.ALL)
public interface IntakePublisher {

    CompletableFuture<RecordMetadata> publishUsage(@Topic String topic, @KafkaKey String team, UsageRecord record);

    CompletableFuture<RecordMetadata> publishOutcome(@Topic String topic, @KafkaKey String team,
                                                     OutcomeRecord record);

    @MessageHeader(name = IdentityMessage.TYPE_HEADER, value = IdentityMessage.LINK_V1)
    CompletableFuture<RecordMetadata> publishLink(@Topic String topic, @KafkaKey String aliasRef,
                                                  IdentityLink link);

    @MessageHeader(name = IdentityMessage.TYPE_HEADER, value = IdentityMessage.REIDENTIFICATION_V1)
    CompletableFuture<RecordMetadata> publishReidentification(@Topic String topic, @KafkaKey String personRef,
                                                              Reidentification act);
}
