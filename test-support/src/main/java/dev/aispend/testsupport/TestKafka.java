package dev.aispend.testsupport;

/** A Kafka broker for the tests; topics are per test (unique names or unique consumer groups). */
public record TestKafka(String description, String bootstrapServers) {
}
