package dev.aispend.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service owns if they do not exist yet. Brokers here run with automatic topic creation
 * off, so a topic's partition count is always the one chosen on purpose (ledger.v1 must have exactly one).
 */
public final class TopicProvisioner {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicProvisioner() {
    }

    public static void ensureExists(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : topics) {
                createUnlessPresent(admin, topic);
            }
        }
    }

    private static void createUnlessPresent(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failure) {
            if (!(failure.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic.name(), failure.getCause());
            }
        } catch (TimeoutException timeout) {
            throw new IllegalStateException("broker did not create topic " + topic.name() + " within " + TIMEOUT,
                    timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), interrupted);
        }
    }
}
