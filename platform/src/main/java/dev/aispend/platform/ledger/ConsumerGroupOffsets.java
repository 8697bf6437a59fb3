package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.BrokerPoll;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.GroupSubscribedToTopicException;
import org.apache.kafka.common.errors.RetriableException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes a consumer group forget where it was in some topics, so its next consumer starts from the earliest entry
 * ({@code auto.offset.reset=earliest}). A rebuild does this BEFORE it resets the projection's checkpoint: if the
 * service dies between the two steps, the projection re-reads entries it has (and drops them); the other order
 * could leave a checkpoint at 0 behind a group that resumes at the end, and the follower would stop at a gap.
 */
final class ConsumerGroupOffsets {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);

    private ConsumerGroupOffsets() {
    }

    static void forget(String bootstrapServers, String groupId, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<TopicPartition> partitions = partitionsOf(admin, topics);
            // The group's last member may still be leaving (its consumer was just closed): ask again until it left.
            BrokerPoll.until("resetting consumer group " + groupId, TIMEOUT, RETRY_DELAY,
                    () -> deleteOffsets(admin, groupId, partitions));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting consumer group " + groupId, interrupted);
        } catch (TimeoutException timeout) {
            throw new IllegalStateException("broker did not reset consumer group " + groupId + " within " + TIMEOUT,
                    timeout);
        }
    }

    /** True once the offsets are gone (or there were none); false while the group still has a member. */
    private static boolean deleteOffsets(Admin admin, String groupId, Set<TopicPartition> partitions)
            throws InterruptedException {
        try {
            admin.deleteConsumerGroupOffsets(groupId, partitions).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException failure) {
            if (failure.getCause() instanceof GroupIdNotFoundException) {
                return true; // never committed anything: it starts from the earliest entry anyway
            }
            if (stillLeaving(failure.getCause())) {
                return false;
            }
            throw new IllegalStateException("could not reset consumer group " + groupId, failure.getCause());
        } catch (TimeoutException timeout) {
            throw new IllegalStateException("broker did not reset consumer group " + groupId + " within " + TIMEOUT,
                    timeout);
        }
    }

    private static boolean stillLeaving(Throwable cause) {
        return cause instanceof GroupSubscribedToTopicException || cause instanceof GroupNotEmptyException
                || cause instanceof RetriableException;
    }

    private static Set<TopicPartition> partitionsOf(Admin admin, Collection<String> topics)
            throws InterruptedException, TimeoutException {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<TopicPartition> partitions = new HashSet<>();
            descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                    partitions.add(new TopicPartition(description.name(), partition.partition()))));
            return partitions;
        } catch (ExecutionException failure) {
            throw new IllegalStateException("could not describe " + topics, failure.getCause());
        }
    }
}
