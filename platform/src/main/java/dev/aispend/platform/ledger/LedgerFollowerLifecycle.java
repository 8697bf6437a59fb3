package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.BatchConsumerLoop;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * In any service that has a {@link LedgerProjection} bean: once the context is up, makes sure ledger.v1 exists
 * (one partition) and follows it into the projection on a thread of its own; stops following on shutdown.
 */
@Singleton
@Requires(beans = LedgerProjection.class)
public final class LedgerFollowerLifecycle {
    private final String bootstrapServers;
    private final LedgerFollowerConfiguration configuration;
    private final JsonMapper json;
    private final LedgerProjection projection;
    private final TopicNames topics;
    private volatile BatchConsumerLoop loop;

    LedgerFollowerLifecycle(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                            LedgerFollowerConfiguration configuration, JsonMapper json,
                            LedgerProjection projection, TopicNames topics) {
        this.bootstrapServers = bootstrapServers;
        this.configuration = configuration;
        this.json = json;
        this.projection = projection;
        this.topics = topics;
    }

    @EventListener
    void start(StartupEvent event) {
        TopicProvisioner.ensureExists(bootstrapServers,
                List.of(LedgerTopic.definition(topics, configuration.topicReplicationFactor())));
        BatchConsumerLoop started = new BatchConsumerLoop(
                configuration.consumerLoopSettings(bootstrapServers, topics.ledger()),
                new LedgerFollower(json, projection));
        started.start();
        loop = started;
    }

    /** The running loop, or null before start-up finished. */
    public BatchConsumerLoop loop() {
        return loop;
    }

    /** On ShutdownEvent, before any bean is destroyed: the projection's connection pool is still open. */
    @EventListener
    void stop(ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }
}
