package dev.aispend.ingest.kafka;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.IdentityMessage;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageRecord;
import io.micronaut.configuration.kafka.ProducerRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One producer ({@code kafka.producers.intake}, client id {@code intake}) for every intake record, each written as
 * its JSON bytes. Not a {@code @KafkaClient} interface: micronaut-kafka makes a producer per method of one, all with
 * the same client id, and the second one's metrics registration failed with a WARN at the first record of each
 * further kind (docs/logging.md, "A clean start warns of nothing").
 */
@Singleton
final class KafkaIntakePublisher implements IntakePublisher {
    private static final String CLIENT_ID = "intake";

    private final Producer<String, byte[]> producer;
    private final JsonMapper json;
    private final Executor completions;

    KafkaIntakePublisher(ProducerRegistry producers, JsonMapper json,
                         @Named(TaskExecutors.BLOCKING) Executor completions) {
        this.producer = producers.getProducer(CLIENT_ID, Argument.STRING, Argument.of(byte[].class));
        this.json = json;
        this.completions = completions;
    }

    @Override
    public CompletableFuture<RecordMetadata> publishUsage(String topic, String team, UsageRecord record) {
        return send(new ProducerRecord<>(topic, team, bytesOf(record)));
    }

    @Override
    public CompletableFuture<RecordMetadata> publishOutcome(String topic, String team, OutcomeRecord record) {
        return send(new ProducerRecord<>(topic, team, bytesOf(record)));
    }

    @Override
    public CompletableFuture<RecordMetadata> publishLink(String topic, String aliasRef, IdentityLink link) {
        return send(named(new ProducerRecord<>(topic, aliasRef, bytesOf(link)), IdentityMessage.LINK_V1));
    }

    @Override
    public CompletableFuture<RecordMetadata> publishReidentification(String topic, String personRef,
                                                                     Reidentification act) {
        return send(named(new ProducerRecord<>(topic, personRef, bytesOf(act)), IdentityMessage.REIDENTIFICATION_V1));
    }

    private static ProducerRecord<String, byte[]> named(ProducerRecord<String, byte[]> message, String type) {
        message.headers().add(IdentityMessage.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        return message;
    }

    private byte[] bytesOf(Object record) {
        try {
            return json.writeValueAsBytes(record);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write " + record.getClass().getSimpleName() + " as JSON",
                    failure);
        }
    }

    /**
     * Completes when the broker acknowledged (acks=all), or exceptionally with the producer's failure, on an executor
     * of its own: the producer calls back on its network thread, and a caller that sends again from there (outcomes
     * after their usage) would block that thread on metadata only it can fetch, until max.block.ms ran out.
     */
    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> message) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(message, (metadata, failure) -> completions.execute(() -> {
                if (failure != null) {
                    acknowledged.completeExceptionally(failure);
                } else {
                    acknowledged.complete(metadata);
                }
            }));
        } catch (RuntimeException refused) {
            // send() itself throws when the metadata wait (max.block.ms) runs out: the same 503 path as a late ack.
            acknowledged.completeExceptionally(refused);
        }
        return acknowledged;
    }
}
