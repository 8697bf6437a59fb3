package dev.aispend.ledger;

import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Sends records to the ledger's intake topics as JSON, the way ingest-service and policy-service do (acks=all),
 * and returns once the broker acknowledged every one: a test then waits for the ledger head, never for time.
 */
public final class IntakeSender implements AutoCloseable {
    private final JsonMapper json;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    public IntakeSender(String bootstrapServers, JsonMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public IntakeSender send(String topic, String key, Object record) throws IOException {
        pending.add(producer.send(new ProducerRecord<>(topic, key, json.writeValueAsBytes(record))));
        return this;
    }

    /** A record with a header, as ingest names the record of an identity.v1 message ({@code IdentityMessage}). */
    public IntakeSender send(String topic, String key, Object record, String header, String headerValue)
            throws IOException {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, key, json.writeValueAsBytes(record));
        message.headers().add(header, headerValue.getBytes(StandardCharsets.UTF_8));
        pending.add(producer.send(message));
        return this;
    }

    /** Waits for the acknowledgement of everything sent so far. */
    public void awaitAcknowledged() throws Exception {
        producer.flush();
        for (Future<RecordMetadata> acknowledgement : pending) {
            acknowledgement.get();
        }
        pending.clear();
    }

    @Override
    public void close() throws Exception {
        awaitAcknowledged();
        producer.close();
    }
}
