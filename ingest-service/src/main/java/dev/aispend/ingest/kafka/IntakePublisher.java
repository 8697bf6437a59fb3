package dev.aispend.ingest.kafka;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes what ingest accepted to the ledger's intake topics (named by {@code TopicNames}) with acks=all and
 * an idempotent producer ({@code kafka.producers.intake}); each future completes when all in-sync replicas have
 * the record. Usage and outcomes are keyed by team (one team's records stay in order on one partition),
 * directory links by alias ref, re-identifications by person ref; identity.v1's records are named by a header
 * ({@code IdentityMessage}). {@link KafkaIntakePublisher} is the implementation; tests put their own in its place.
 */
public interface IntakePublisher {

    CompletableFuture<RecordMetadata> publishUsage(String topic, String team, UsageRecord record);

    CompletableFuture<RecordMetadata> publishOutcome(String topic, String team, OutcomeRecord record);

    CompletableFuture<RecordMetadata> publishLink(String topic, String aliasRef, IdentityLink link);

    CompletableFuture<RecordMetadata> publishReidentification(String topic, String personRef, Reidentification act);
}
