package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.Map;

/**
 * ledger.v1 has exactly one partition, because it carries the ledger's single total order, and keeps every entry
 * forever, so any projection can be rebuilt from position 1 and a new one can start from the beginning.
 * {@link dev.aispend.platform.kafka.TopicProvisioner} also applies these settings to a topic that already exists.
 */
public final class LedgerTopic {
    public static final int PARTITIONS = 1;
    /** Kafka's broker default would delete entries after 7 days: a follower starting later would stop at a gap. */
    public static final Map<String, String> KEEP_FOREVER = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");
    /** Replays are copies requested for a rebuild, consumed soon after; the ledger itself keeps the original. */
    public static final Duration REPLAY_RETENTION = Duration.ofDays(7);

    private LedgerTopic() {
    }

    public static NewTopic definition(TopicNames names, short replicationFactor) {
        return new NewTopic(names.ledger(), PARTITIONS, replicationFactor).configs(KEEP_FOREVER);
    }

    /** ledger-replay.v1: one partition, because a replay is in ledger order too. */
    public static NewTopic replayDefinition(TopicNames names, short replicationFactor) {
        return new NewTopic(names.replay(), PARTITIONS, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(REPLAY_RETENTION.toMillis())));
    }
}
