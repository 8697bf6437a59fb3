package dev.aispend.ingest.kafka;

import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/**
 * Creates the intake topics ingest publishes to (usage.v1, outcomes.v1 keyed by team; identity.v1) at start-up
 * if they are missing, with the partitions configured. The ledger creates them too; whichever starts first wins.
 */
@Singleton
final class IntakeTopicSetup implements ApplicationEventListener<StartupEvent> {
    private final String bootstrapServers;
    private final IngestConfiguration configuration;
    private final TopicNames topics;

    IntakeTopicSetup(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                    IngestConfiguration configuration, TopicNames topics) {
        this.bootstrapServers = bootstrapServers;
        this.configuration = configuration;
        this.topics = topics;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        int partitions = configuration.usageTopicPartitions();
        short replication = configuration.topicReplicationFactor();
        TopicProvisioner.ensureExists(bootstrapServers, List.of(
                new NewTopic(topics.usage(), partitions, replication),
                new NewTopic(topics.outcomes(), partitions, replication),
                new NewTopic(topics.identity(), partitions, replication)));
    }
}
