package dev.aispend.testsupport.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Publishes envelopes to a ledger topic as the ledger's relay does: JSON, in order, acks=all. */
public final class LedgerTopicWriter implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public LedgerTopicWriter(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Sends every entry, then waits for every acknowledgement: the producer is idempotent (the client's default),
     * so the entries keep their order on the topic without waiting for each before sending the next.
     */
    public void publish(List<LedgerEnvelope> envelopes) {
        try {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>(envelopes.size());
            for (LedgerEnvelope envelope : envelopes) {
                sent.add(producer.send(new ProducerRecord<>(topic, "ledger", TestLedger.json(envelope))));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> acknowledgement : sent) {
                acknowledgement.get();
            }
        } catch (ExecutionException failure) {
            throw new IllegalStateException("could not publish to " + topic, failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
