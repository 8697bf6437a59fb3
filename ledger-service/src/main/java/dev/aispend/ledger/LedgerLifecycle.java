package dev.aispend.ledger;

import dev.aispend.ledger.append.LedgerAppendSignal;
import dev.aispend.ledger.intake.LedgerIntake;
import dev.aispend.ledger.publication.LedgerRelay;
import dev.aispend.ledger.seal.CheckpointSchedule;
import dev.aispend.ledger.seal.Checkpointer;
import dev.aispend.ledger.seal.SealConfiguration;
import dev.aispend.platform.kafka.Backoff;
import dev.aispend.platform.kafka.BatchConsumerLoop;
import dev.aispend.platform.kafka.ConsumerLoopSettings;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import dev.aispend.platform.ledger.LedgerTopic;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/**
 * Starts the ledger's two loops once the context is up: the intake of the five intake topics (one loop, one
 * transaction per polled batch, so appends never race each other) and the relay to ledger.v1, after making sure
 * every topic exists (ledger.v1 with exactly one partition and unlimited retention: it carries one total order).
 * Stops them, intake first, as soon as the service begins to shut down.
 */
@Singleton
public final class LedgerLifecycle {
    private final String bootstrapServers;
    private final LedgerConfiguration configuration;
    private final LedgerIntake intake;
    private final LedgerRelay relay;
    private final TopicNames topics;
    private final CheckpointSchedule checkpoints;
    private volatile BatchConsumerLoop intakeLoop;

    LedgerLifecycle(@Value("${kafka.bootstrap.servers}") String bootstrapServers, LedgerConfiguration configuration,
                    LedgerIntake intake, LedgerRelay relay, TopicNames topics, Checkpointer checkpointer,
                    SealConfiguration sealConfiguration, LedgerAppendSignal appendSignal) {
        this.bootstrapServers = bootstrapServers;
        this.configuration = configuration;
        this.intake = intake;
        this.relay = relay;
        this.topics = topics;
        this.checkpoints = new CheckpointSchedule(checkpointer, sealConfiguration, appendSignal);
    }

    @EventListener
    void start(StartupEvent event) {
        short replication = configuration.topicReplicationFactor();
        int partitions = configuration.usageTopicPartitions();
        TopicProvisioner.ensureExists(bootstrapServers, List.of(
                new NewTopic(topics.usage(), partitions, replication),
                new NewTopic(topics.outcomes(), partitions, replication),
                new NewTopic(topics.identity(), partitions, replication),
                new NewTopic(topics.policyChanges(), partitions, replication),
                new NewTopic(topics.decisions(), partitions, replication),
                LedgerTopic.definition(topics, replication),
                LedgerTopic.replayDefinition(topics, replication)));
        LedgerConfiguration.Intake settings = configuration.intake();
        intakeLoop = new BatchConsumerLoop(new ConsumerLoopSettings(bootstrapServers, settings.consumerGroup(),
                intake.topics(), settings.maxBatchRecords(), settings.pollTimeout(),
                new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay())), intake);
        relay.start();
        checkpoints.start();
        intakeLoop.start();
    }

    /** The intake loop, or null before start-up finished. */
    public BatchConsumerLoop intakeLoop() {
        return intakeLoop;
    }

    public int checkpointConsecutiveFailures() {
        return checkpoints.consecutiveFailures();
    }

    public int relayConsecutiveFailures() {
        return relay.consecutiveFailures();
    }

    /**
     * On ShutdownEvent, which comes before any bean is destroyed: the loops must stop while the connection pool
     * and the producer they use are still open.
     */
    @EventListener
    void stop(ShutdownEvent event) {
        if (intakeLoop != null) {
            intakeLoop.close();
        }
        relay.close();
        checkpoints.close();
    }
}
