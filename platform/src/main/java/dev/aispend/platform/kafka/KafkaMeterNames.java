package dev.aispend.platform.kafka;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

/**
 * Gives the Kafka client meters micronaut-kafka registers ({@code kafka.producer.*}, {@code kafka.consumer.*}) a
 * name per level: Kafka reports some metrics under one name for the whole client (tag client-id), per broker
 * (client-id, node-id) and per topic (client-id, topic), e.g. {@code request-total}; micronaut-kafka names all three
 * alike, and Prometheus refuses a second set of tag keys under a name, so the per-broker and per-topic meters were
 * dropped with a WARN at every start. Here they become {@code kafka.producer.node.request-total} and
 * {@code kafka.producer.topic.record-send-total}; the client-wide meter keeps its name.
 */
@Singleton
final class KafkaMeterNames implements MeterFilter {
    static final String NODE_TAG = "node-id";
    static final String TOPIC_TAG = "topic";
    private static final String[] CLIENT_PREFIXES = {"kafka.producer.", "kafka.consumer."};

    @Override
    public Meter.Id map(Meter.Id id) {
        for (String prefix : CLIENT_PREFIXES) {
            if (id.getName().startsWith(prefix)) {
                return id.withName(prefix + levelOf(id) + id.getName().substring(prefix.length()));
            }
        }
        return id;
    }

    private static String levelOf(Meter.Id id) {
        if (id.getTag(NODE_TAG) != null) {
            return "node.";
        }
        return id.getTag(TOPIC_TAG) != null ? "topic." : "";
    }
}
