package dev.aispend.ledger.replay;

import dev.aispend.contracts.Topics;
import dev.aispend.ledger.LedgerConfiguration;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import dev.aispend.platform.ledger.LedgerTopic;
import dev.aispend.platform.web.FieldError;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topics a replay may write to. A missing one is created like ledger-replay.v1 (one partition, limited
 * retention); an existing one must have exactly one partition, since entries keyed by team would otherwise be
 * spread over partitions and lose the ledger order a replay exists to reproduce.
 */
@Singleton
final class ReplayTopics {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final TopicNames names;
    private final short replicationFactor;

    ReplayTopics(@Value("${kafka.bootstrap.servers}") String bootstrapServers, TopicNames names,
                 LedgerConfiguration ledger) {
        this.bootstrapServers = bootstrapServers;
        this.names = names;
        this.replicationFactor = ledger.topicReplicationFactor();
    }

    String defaultTopic() {
        return names.replay();
    }

    /** Topics a replay must never write to: the ledger's own and its intake's. */
    Set<String> ledgerOwnTopics() {
        return Set.of(names.ledger(), names.usage(), names.outcomes(), names.identity(), names.policyChanges(),
                names.decisions());
    }

    /** What every replay topic's name starts with: the deployment's prefix and "ledger-replay". */
    String replayTopicPrefix() {
        String replay = names.replay();
        return replay.substring(0, replay.length() - Topics.LEDGER_REPLAY_V1.length()) + "ledger-replay";
    }

    /**
     * Creates {@code topic} if missing; throws InvalidReplayException if its name is not a replay topic's of this
     * deployment (a replay must never touch another deployment's or another purpose's topic), or if it exists
     * with several partitions. An existing topic's settings are left as they are.
     */
    void ensureSinglePartition(String topic) {
        if (!topic.startsWith(replayTopicPrefix())) {
            throw new InvalidReplayException(List.of(new FieldError("topic", "must start with "
                    + replayTopicPrefix() + ", the replay topics of this deployment")));
        }
        NewTopic definition = LedgerTopic.replayDefinition(names, replicationFactor);
        TopicProvisioner.createIfMissing(bootstrapServers, List.of(
                new NewTopic(topic, LedgerTopic.PARTITIONS, replicationFactor).configs(definition.configs())));
        int partitions = partitionsOf(topic);
        if (partitions != LedgerTopic.PARTITIONS) {
            throw new InvalidReplayException(List.of(new FieldError("topic", "has " + partitions
                    + " partitions; a replay keeps ledger order only on a topic with exactly one")));
        }
    }

    private int partitionsOf(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("could not describe topic " + topic, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic, interrupted);
        }
    }
}
