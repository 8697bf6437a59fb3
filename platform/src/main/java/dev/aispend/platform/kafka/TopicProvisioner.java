package dev.aispend.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service owns if they do not exist yet, and gives every one the configuration its
 * definition asks for ({@link NewTopic#configs()}), also when it already existed: a topic created before a
 * setting was introduced (ledger.v1 before unlimited retention), or changed by hand, is set back and then read
 * back to prove it. Brokers here run with automatic topic creation off, so a topic's partition count is always
 * the one chosen on purpose (ledger.v1 must have exactly one).
 */
public final class TopicProvisioner {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration VERIFY_INTERVAL = Duration.ofMillis(100);

    private TopicProvisioner() {
    }

    public static void ensureExists(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : topics) {
                boolean created = createUnlessPresent(admin, topic);
                Map<String, String> wanted = topic.configs() == null ? Map.of() : topic.configs();
                if (wanted.isEmpty()) {
                    continue;
                }
                // A topic just created has its configuration from the creation request itself; describing it at once
                // can fail while the new topic's metadata propagates, so only an existing topic is set and read back.
                if (!created) {
                    applyConfigs(admin, topic.name(), wanted);
                    verifyConfigs(admin, topic.name(), wanted);
                }
            }
            awaitVisible(admin, topics);
        }
    }

    /**
     * Creates the topics that do not exist yet, with their definitions' configuration, and leaves existing ones
     * exactly as they are: for topics a request names (a replay's), whose settings are not this service's to
     * change.
     */
    public static void createIfMissing(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : topics) {
                createUnlessPresent(admin, topic);
            }
            awaitVisible(admin, topics);
        }
    }

    /**
     * Refuses to go on unless {@code topic} has exactly {@code partitions} partitions: a topic that carries one total
     * order (ledger.v1) split over several partitions would let readers see entries out of order, and Kafka never
     * merges partitions back, so a topic made by hand or by a tool with the broker's default count must stop the
     * service at start, naming the fix, before anything is published to it.
     */
    public static void requirePartitions(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int actual = await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic)
                    .get(topic).partitions().size();
            if (actual != partitions) {
                throw new IllegalStateException("topic " + topic + " has " + actual + " partitions; it must have "
                        + "exactly " + partitions + " (it carries one total order). Delete it and let the service "
                        + "create it, or re-create it with --partitions " + partitions + " (docs/operations.md)");
            }
        } catch (ExecutionException failure) {
            throw new IllegalStateException("could not describe topic " + topic, failure.getCause());
        }
    }

    /**
     * Returns once the broker answers for every topic: a topic created a moment ago (here, or by another service,
     * which this one's create was told of as "exists") is acknowledged before the broker's metadata shows it, and
     * a consumer that subscribed in between logged a WARN for each unknown topic at every start.
     */
    private static void awaitVisible(Admin admin, List<NewTopic> topics) {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        BrokerPoll.until("topics " + names + " visible", TIMEOUT, VERIFY_INTERVAL, () -> {
            try {
                await(admin.describeTopics(names).allTopicNames(), "describe topics " + names);
                return true;
            } catch (ExecutionException failure) {
                if (failure.getCause() instanceof UnknownTopicOrPartitionException) {
                    return false;
                }
                throw new IllegalStateException("could not describe topics " + names, failure.getCause());
            }
        });
    }

    /** Returns true if it created the topic, false if the topic was there already. */
    private static boolean createUnlessPresent(Admin admin, NewTopic topic) {
        try {
            await(admin.createTopics(List.of(topic)).all(), "create topic " + topic.name());
            return true;
        } catch (ExecutionException failure) {
            if (failure.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("could not create topic " + topic.name(), failure.getCause());
        }
    }

    /**
     * Sets the wanted configuration; a topic another service created a moment ago may still be unknown to the
     * broker answering (its metadata propagates asynchronously), so that answer is retried within the timeout.
     */
    private static void applyConfigs(Admin admin, String topic, Map<String, String> wanted) {
        List<AlterConfigOp> operations = new ArrayList<>();
        wanted.forEach((key, value) -> operations.add(
                new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET)));
        BrokerPoll.until("topic " + topic + " configured with " + wanted, TIMEOUT, VERIFY_INTERVAL, () -> {
            try {
                await(admin.incrementalAlterConfigs(Map.of(resource(topic), operations)).all(),
                        "configure topic " + topic);
                return true;
            } catch (ExecutionException failure) {
                if (failure.getCause() instanceof UnknownTopicOrPartitionException) {
                    return false;
                }
                throw new IllegalStateException("could not configure topic " + topic + " with " + wanted,
                        failure.getCause());
            }
        });
    }

    /**
     * Reads the configuration back until it shows what was asked for: a broker acknowledges an alteration before
     * every broker's metadata reflects it (KRaft propagates it asynchronously), so one read may still be stale.
     */
    private static void verifyConfigs(Admin admin, String topic, Map<String, String> wanted) {
        BrokerPoll.until("topic " + topic + " taking " + wanted, TIMEOUT, VERIFY_INTERVAL,
                () -> differences(admin, topic, wanted).isEmpty());
    }

    /** Each wanted setting the topic does not have yet, as "key=actual (must be wanted)". */
    private static List<String> differences(Admin admin, String topic, Map<String, String> wanted) {
        Config actual;
        try {
            actual = await(admin.describeConfigs(List.of(resource(topic))).all(), "describe topic " + topic)
                    .get(resource(topic));
        } catch (ExecutionException failure) {
            if (failure.getCause() instanceof UnknownTopicOrPartitionException) {
                // Created a moment ago by another service: this broker's metadata has not caught up; ask again.
                return List.of("topic metadata not propagated yet");
            }
            throw new IllegalStateException("could not read the configuration of topic " + topic,
                    failure.getCause());
        }
        List<String> differences = new ArrayList<>();
        wanted.forEach((key, value) -> {
            ConfigEntry entry = actual.get(key);
            String current = entry == null ? null : entry.value();
            if (!value.equals(current)) {
                differences.add(key + "=" + current + " (must be " + value + ")");
            }
        });
        return differences;
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    private static <T> T await(KafkaFuture<T> future, String what) throws ExecutionException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException timeout) {
            throw new IllegalStateException("broker did not " + what + " within " + TIMEOUT, timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, interrupted);
        }
    }
}
