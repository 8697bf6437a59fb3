package dev.aispend.ingest.kafka;

import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Creates the intake topics ingest publishes to (usage.v1, outcomes.v1 keyed by team; identity.v1) at start-up
 * if they are missing, with the partitions configured. The ledger creates them too; whichever starts first wins.
 * Off with {@code INGEST_CREATE_TOPICS=false}, where a platform team manages topics.
 */
@Singleton
@Requires(property = "ingest.create-topics", notEquals = "false")
final class IntakeTopicSetup implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeTopicSetup.class);
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
        try {
            TopicProvisioner.ensureExists(bootstrapServers, List.of(
                    new NewTopic(topics.usage(), partitions, replication),
                    new NewTopic(topics.outcomes(), partitions, replication),
                    new NewTopic(topics.identity(), partitions, replication)));
        } catch (IllegalStateException brokerAway) {
            // Ingest still starts: it answers 503 with Retry-After until Kafka is back, which clients retry, rather
            // than refusing connections. The ledger creates the same topics when it starts.
            LOG.warn("could not make sure the intake topics exist; requests get 503 until Kafka answers",
                    brokerAway);
        }
    }
}
