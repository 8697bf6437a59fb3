package dev.aispend.platform.kafka;

import dev.aispend.platform.metrics.GaugeReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code aispend.kafka.consumer.lag} (tags group, topic): how many records each consumer group of the service has
 * not committed yet, measured from the broker every {@code consumer-lag.refresh-interval}. Measured by group, not by
 * consumer, so it also grows while a loop is stuck retrying a batch (its consumer no longer polls) or is not running
 * at all (a ledger standby's gauge shows the leader's group). A failed measurement keeps the last values
 * ({@link GaugeReading}).
 */
@Singleton
@Requires(beans = ConsumerGroups.class)
final class ConsumerLagMeter {
    static final String METRIC = "aispend.kafka.consumer.lag";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final List<ConsumerGroups> groups;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final GaugeReading reading = new GaugeReading(ConsumerLagMeter.class, "the consumer groups' lag");
    private Admin admin;

    ConsumerLagMeter(@Value("${kafka.bootstrap.servers}") String bootstrapServers, List<ConsumerGroups> groups,
                     MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.groups = groups;
        this.meters = meters;
    }

    @Scheduled(fixedDelay = "${consumer-lag.refresh-interval:15s}", initialDelay = "${consumer-lag.refresh-interval:15s}")
    synchronized void measure() {
        reading.read(() -> groups.forEach(service -> service.consumerGroups().forEach(this::measure)));
    }

    private void measure(String group, List<String> topics) {
        Admin client = admin();
        Set<TopicPartition> partitions = partitionsOf(client, topics);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> committed = await(client.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata(), "the committed offsets of " + group).entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest());
        Set<TopicPartition> neverCommitted = new HashSet<>(partitions);
        neverCommitted.removeAll(committed.keySet());
        Map<TopicPartition, Long> starts = neverCommitted.isEmpty() ? Map.of()
                : offsets(client, neverCommitted, OffsetSpec.earliest());
        ConsumerLag.byTopic(partitions, ends, starts, committed).forEach((topic, lag) ->
                gauge(group, topic).set(lag));
    }

    private AtomicLong gauge(String group, String topic) {
        return gauges.computeIfAbsent(group + "\n" + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(METRIC, value, AtomicLong::get).tag("group", group).tag("topic", topic)
                    .description("records on the topic the consumer group has not committed yet")
                    .register(meters);
            return value;
        });
    }

    /** A topic not created yet (the service that owns it starting) has no lag to show: it is left out. */
    private static Set<TopicPartition> partitionsOf(Admin client, List<String> topics) {
        Set<TopicPartition> partitions = new HashSet<>();
        client.describeTopics(topics).topicNameValues().forEach((name, future) -> {
            TopicDescription topic;
            try {
                topic = await(future, "the partitions of " + name);
            } catch (IllegalStateException failure) {
                if (failure.getCause() instanceof UnknownTopicOrPartitionException) {
                    return;
                }
                throw failure;
            }
            topic.partitions().forEach(partition -> partitions.add(new TopicPartition(name, partition.partition())));
        });
        return partitions;
    }

    /** Read committed, as the loops read: the end is the last stable offset, past which they never read. */
    private static Map<TopicPartition, Long> offsets(Admin client, Set<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(client.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(),
                "the offsets of " + partitions).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failure) {
            throw new IllegalStateException("could not read " + what, failure.getCause());
        } catch (TimeoutException timeout) {
            throw new IllegalStateException("the broker did not give " + what + " within " + TIMEOUT, timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + what, interrupted);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
