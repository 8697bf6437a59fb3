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

/** Creates usage.v1 at start-up if it is missing, with the partitions configured (keyed by team). */
@Singleton
final class UsageTopicSetup implements ApplicationEventListener<StartupEvent> {
    private final String bootstrapServers;
    private final IngestConfiguration configuration;
    private final TopicNames topics;

    UsageTopicSetup(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                    IngestConfiguration configuration, TopicNames topics) {
        this.bootstrapServers = bootstrapServers;
        this.configuration = configuration;
        this.topics = topics;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        TopicProvisioner.ensureExists(bootstrapServers, List.of(new NewTopic(topics.usage(),
                configuration.usageTopicPartitions(), configuration.topicReplicationFactor())));
    }
}
