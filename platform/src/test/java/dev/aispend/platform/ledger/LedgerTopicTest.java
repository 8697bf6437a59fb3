package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTopicTest {
    private final TopicNames names = new TopicNames("staging.");

    @Test
    void the_ledger_topic_has_one_partition_and_keeps_every_entry_forever() {
        NewTopic ledger = LedgerTopic.definition(names, (short) 3);

        assertThat(ledger.name()).isEqualTo("staging.ledger.v1");
        assertThat(ledger.numPartitions()).isEqualTo(1);
        assertThat(ledger.replicationFactor()).isEqualTo((short) 3);
        assertThat(ledger.configs()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1")
                .containsEntry("cleanup.policy", "delete");
    }

    @Test
    void the_replay_topic_has_one_partition_and_bounded_retention() {
        NewTopic replay = LedgerTopic.replayDefinition(names, (short) 1);

        assertThat(replay.name()).isEqualTo("staging.ledger-replay.v1");
        assertThat(replay.numPartitions()).isEqualTo(1);
        assertThat(Optional.ofNullable(replay.configs().get("retention.ms")).map(Long::parseLong))
                .hasValue(7L * 24 * 60 * 60 * 1000);
    }

    @Test
    void every_contract_topic_gets_the_prefix() {
        assertThat(names.outcomes()).isEqualTo("staging.outcomes.v1");
        assertThat(names.identity()).isEqualTo("staging.identity.v1");
        assertThat(names.policyChanges()).isEqualTo("staging.policy-changes.v1");
        assertThat(names.decisions()).isEqualTo("staging.decisions.v1");
        assertThat(names.replay()).isEqualTo("staging.ledger-replay.v1");
    }
}
