package dev.aispend.ledger;

import dev.aispend.ledger.append.LedgerAppendSignal;
import dev.aispend.ledger.intake.LedgerIntake;
import dev.aispend.ledger.leadership.LeaderElection;
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
 * Once the context is up, makes sure every topic exists (ledger.v1 with exactly one partition and unlimited
 * retention: it carries one total order) and joins the leader election (ADR 0013). While this instance leads it
 * runs the leader's duties: the intake of the five intake topics (one loop, one transaction per polled batch, so
 * appends never race each other), the relay to ledger.v1 and the checkpoint schedule; a standby runs none of them
 * and only answers reads. Stops the duties, intake first, as soon as the service begins to shut down, then gives the
 * lease up so a standby takes over at once.
 */
@Singleton
public final class LedgerLifecycle implements LeaderElection.Duties {
    private final String bootstrapServers;
    private final LedgerConfiguration configuration;
    private final LedgerIntake intake;
    private final LedgerRelay relay;
    private final TopicNames topics;
    private final Checkpointer checkpointer;
    private final SealConfiguration sealConfiguration;
    private final LedgerAppendSignal appendSignal;
    private final LeaderElection election;
    private volatile CheckpointSchedule checkpoints;
    private volatile BatchConsumerLoop intakeLoop;

    LedgerLifecycle(@Value("${kafka.bootstrap.servers}") String bootstrapServers, LedgerConfiguration configuration,
                    LedgerIntake intake, LedgerRelay relay, TopicNames topics, Checkpointer checkpointer,
                    SealConfiguration sealConfiguration, LedgerAppendSignal appendSignal, LeaderElection election) {
        this.bootstrapServers = bootstrapServers;
        this.configuration = configuration;
        this.intake = intake;
        this.relay = relay;
        this.topics = topics;
        this.checkpointer = checkpointer;
        this.sealConfiguration = sealConfiguration;
        this.appendSignal = appendSignal;
        this.election = election;
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
        TopicProvisioner.requirePartitions(bootstrapServers, topics.ledger(), LedgerTopic.PARTITIONS);
        election.start(this);
    }

    /** The leader's duties, started when this instance takes the lease. */
    @Override
    public synchronized void begin(long epoch) {
        LedgerConfiguration.Intake settings = configuration.intake();
        relay.start();
        checkpoints = new CheckpointSchedule(checkpointer, sealConfiguration, appendSignal);
        checkpoints.start();
        intakeLoop = new BatchConsumerLoop(new ConsumerLoopSettings(bootstrapServers, settings.consumerGroup(),
                intake.topics(), settings.maxBatchRecords(), settings.pollTimeout(),
                new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay())), intake);
        intakeLoop.start();
    }

    /** Stops the leader's duties, intake first; what they had under way fails its fencing check. */
    @Override
    public synchronized void end() {
        if (intakeLoop != null) {
            intakeLoop.close();
            intakeLoop = null;
        }
        relay.close();
        if (checkpoints != null) {
            checkpoints.close();
            checkpoints = null;
        }
    }

    /** The intake loop, or null before start-up finished. */
    public BatchConsumerLoop intakeLoop() {
        return intakeLoop;
    }

    public int checkpointConsecutiveFailures() {
        CheckpointSchedule schedule = checkpoints;
        return schedule == null ? 0 : schedule.consecutiveFailures();
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
        election.close();
        end();
    }
}
