package dev.aispend.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches a topic from the moment it is created: what was published since, and whether anything was.
 * Used to prove that an accepted request published exactly its record and a refused one published nothing.
 */
public final class KafkaProbe {
    private final String bootstrapServers;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> startOffsets;

    private KafkaProbe(String bootstrapServers, List<TopicPartition> partitions,
                       Map<TopicPartition, Long> startOffsets) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.startOffsets = startOffsets;
    }

    /**
     * A probe on {@code topic} from its end offsets now. A topic just created may not be in every broker's metadata
     * yet (the Admin API acknowledges before), so its partitions are asked for again, each time a metadata request,
     * for up to 30 s.
     */
    public static KafkaProbe on(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = newConsumer(bootstrapServers)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            while ((infos == null || infos.isEmpty()) && System.nanoTime() < deadline) {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            }
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return new KafkaProbe(bootstrapServers, partitions, consumer.endOffsets(partitions));
        }
    }

    /** Reads what was published since the probe was made, until {@code expected} records or the timeout. */
    public List<ConsumerRecord<String, String>> recordsSinceCreated(int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = newConsumer(bootstrapServers)) {
            consumer.assign(partitions);
            startOffsets.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Everything published since the probe was made, up to the end offsets of now: for a test whose requests were
     * acknowledged (so their records are in) and that must see that nothing more was published.
     */
    public List<ConsumerRecord<String, String>> recordsUntilNow(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = newConsumer(bootstrapServers)) {
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            startOffsets.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, endOffsets) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    public boolean endOffsetsUnchanged() {
        try (KafkaConsumer<String, String> consumer = newConsumer(bootstrapServers)) {
            return consumer.endOffsets(partitions).equals(startOffsets);
        }
    }

    private static KafkaConsumer<String, String> newConsumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
    }
}
