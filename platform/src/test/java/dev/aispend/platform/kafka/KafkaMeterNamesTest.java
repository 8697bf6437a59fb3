package dev.aispend.platform.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka's request-total as micronaut-kafka registers it, for the whole client and per broker: Prometheus takes
 * both once the per-broker one has a name of its own (without, it drops it and logs a WARN).
 */
class KafkaMeterNamesTest {

    @Test
    void gives_the_per_broker_and_per_topic_meters_of_a_client_names_of_their_own() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new KafkaMeterNames());

        register(registry, "kafka.producer.request-total", "client-id", "intake");
        register(registry, "kafka.producer.request-total", "client-id", "intake", "node-id", "node--1");
        register(registry, "kafka.producer.record-send-total", "client-id", "intake");
        register(registry, "kafka.producer.record-send-total", "client-id", "intake", "topic", "usage.v1");
        register(registry, "aispend.ledger.intake.recorded", "kind", "usage", "node-id", "kept");

        assertThat(registry.scrape()).contains(
                "kafka_producer_request_total{client_id=\"intake\"}",
                "kafka_producer_node_request_total{client_id=\"intake\",node_id=\"node--1\"}",
                "kafka_producer_record_send_total{client_id=\"intake\"}",
                "kafka_producer_topic_record_send_total{client_id=\"intake\",topic=\"usage.v1\"}",
                "aispend_ledger_intake_recorded_total{kind=\"usage\",node_id=\"kept\"}");
    }

    private static void register(PrometheusMeterRegistry registry, String name, String... tags) {
        FunctionCounter.builder(name, new Object(), unused -> 1.0).tags(tags).register(registry);
    }
}
