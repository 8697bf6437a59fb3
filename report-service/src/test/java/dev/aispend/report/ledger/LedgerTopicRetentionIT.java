package dev.aispend.report.ledger;

import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import dev.aispend.platform.ledger.LedgerTopic;
import dev.aispend.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's topic provisioning against a real broker (tested here: the platform module has no broker in its
 * tests): ledger.v1 keeps every entry whether it is created now or existed with a deleting retention, and a ledger
 * topic split over several partitions is refused.
 */
class LedgerTopicRetentionIT {
    private final String bootstrapServers = TestInfrastructure.kafka().bootstrapServers();

    @Test
    void creates_the_ledger_topic_with_unlimited_retention() throws Exception {
        TopicNames names = new TopicNames("retention-new-" + Long.toHexString(System.nanoTime()) + ".");

        TopicProvisioner.ensureExists(bootstrapServers, List.of(LedgerTopic.definition(names, (short) 1)));

        assertUnlimitedRetention(names.ledger());
    }

    @Test
    void sets_unlimited_retention_on_a_ledger_topic_that_existed_with_a_deleting_one() throws Exception {
        TopicNames names = new TopicNames("retention-old-" + Long.toHexString(System.nanoTime()) + ".");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(names.ledger(), 1, (short) 1).configs(Map.of(
                    "retention.ms", "3600000", "retention.bytes", "1048576")))).all().get(30, TimeUnit.SECONDS);
        }

        TopicProvisioner.ensureExists(bootstrapServers, List.of(LedgerTopic.definition(names, (short) 1)));

        assertUnlimitedRetention(names.ledger());
    }

    @Test
    void refuses_a_ledger_topic_that_exists_with_more_than_one_partition() throws Exception {
        TopicNames names = new TopicNames("partitions-" + Long.toHexString(System.nanoTime()) + ".");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(names.ledger(), 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        TopicProvisioner.ensureExists(bootstrapServers, List.of(LedgerTopic.definition(names, (short) 1)));

        assertThatThrownBy(() -> TopicProvisioner.requirePartitions(bootstrapServers, names.ledger(),
                LedgerTopic.PARTITIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 3 partitions; it must have exactly 1");
    }

    @Test
    void accepts_a_ledger_topic_with_its_one_partition() {
        TopicNames names = new TopicNames("one-partition-" + Long.toHexString(System.nanoTime()) + ".");
        TopicProvisioner.ensureExists(bootstrapServers, List.of(LedgerTopic.definition(names, (short) 1)));

        TopicProvisioner.requirePartitions(bootstrapServers, names.ledger(), LedgerTopic.PARTITIONS);
    }

    private void assertUnlimitedRetention(String topic) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions()).hasSize(1);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
