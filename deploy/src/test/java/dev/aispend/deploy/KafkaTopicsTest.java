package dev.aispend.deploy;

import dev.aispend.contracts.Topics;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic settings the deployments give Kafka (base/kafka-topics/topics.txt, applied by the kafka-topics Job, and
 * the services' own creation settings in aispend-common), against what the services' guarantees need.
 */
class KafkaTopicsTest {
    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** One line of topics.txt. */
    record TopicLine(String name, String partitions, Map<String, String> configuration) {
    }

    @Test
    void provisions_every_topic_of_the_contracts() throws IllegalAccessException {
        List<String> contracted = new java.util.ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                contracted.add((String) field.get(null));
            }
        }

        assertThat(topics("production").keySet()).containsExactlyInAnyOrderElementsOf(contracted);
    }

    @Test
    void keeps_ledger_v1_forever_on_exactly_one_partition_as_the_ledger_creates_it() {
        TopicLine ledger = topics("production").get(Topics.LEDGER_V1);

        assertThat(ledger.partitions()).isEqualTo("1");
        assertThat(ledger.configuration()).containsEntry("retention.ms", "-1")
                .containsAllEntriesOf(LedgerTopic.KEEP_FOREVER);
    }

    @Test
    void keeps_replays_and_compacts_api_keys_as_the_services_create_them() {
        Map<String, TopicLine> topics = topics("production");

        assertThat(topics.get(Topics.LEDGER_REPLAY_V1).configuration())
                .isEqualTo(LedgerTopic.replayDefinition(new TopicNames(""), (short) 3).configs());
        assertThat(topics.get(Topics.LEDGER_REPLAY_V1).partitions()).isEqualTo("1");
        assertThat(topics.get(Topics.API_KEYS_V1).configuration()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get(Topics.API_KEYS_V1).partitions()).isEqualTo("1");
    }

    @Test
    void partitions_the_usage_topics_for_many_teams_and_replicates_every_topic_three_times_in_production() {
        Tree common = common("production");

        assertThat(topics("production").get(Topics.USAGE_V1).partitions()).isEqualTo("intake");
        assertThat(Integer.parseInt(common.get("INGEST_USAGE_TOPIC_PARTITIONS").text())).isGreaterThan(1);
        assertThat(common.get("CHECKS_DECISIONS_TOPIC_PARTITIONS").text())
                .isEqualTo(common.get("INGEST_USAGE_TOPIC_PARTITIONS").text());
        assertThat(common.get("KAFKA_TOPIC_REPLICATION_FACTOR").text()).isEqualTo("3");
        assertThat(common.get("KAFKA_MIN_INSYNC_REPLICAS").text()).isEqualTo("2");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void runs_the_topics_job_with_the_topic_list_and_the_overlays_settings(String overlay) {
        List<Tree> objects = Manifests.objects(overlay);
        Tree job = Manifests.named(objects, "Job", "kafka-topics").path("spec", "template", "spec");
        Tree container = job.get("containers").list().get(0);

        assertThat(container.get("command").list()).extracting(Tree::text).contains("/etc/kafka-topics/ensure-topics.sh");
        assertThat(container.get("volumeMounts").list()).extracting(mount -> mount.get("mountPath").text())
                .contains("/etc/kafka-topics");
        assertThat(new PodReferences(objects).environment(container)).contains("KAFKA_BOOTSTRAP_SERVERS",
                "KAFKA_TOPIC_REPLICATION_FACTOR", "KAFKA_MIN_INSYNC_REPLICAS", "INGEST_USAGE_TOPIC_PARTITIONS");
    }

    /** topics.txt as the production overlay renders it into the kafka-topics ConfigMap, by topic name. */
    static Map<String, TopicLine> topics(String overlay) {
        Tree configMap = Manifests.ofKind(Manifests.objects(overlay), "ConfigMap").stream()
                .filter(object -> object.name().startsWith("kafka-topics-")).findFirst().orElseThrow();
        Map<String, TopicLine> topics = new LinkedHashMap<>();
        for (String line : configMap.path("data", "topics.txt").text().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.trim().split("\\s+");
            assertThat(columns).as("name, partitions, configuration: " + line).hasSize(3);
            Map<String, String> configuration = new LinkedHashMap<>();
            Arrays.stream(columns[2].split(",")).map(setting -> setting.split("=", 2))
                    .forEach(pair -> configuration.put(pair[0], pair[1]));
            topics.put(columns[0], new TopicLine(columns[0], columns[1], configuration));
        }
        return topics;
    }

    private static Tree common(String overlay) {
        return Manifests.ofKind(Manifests.objects(overlay), "ConfigMap").stream()
                .filter(object -> object.name().startsWith("aispend-common-")).findFirst().orElseThrow().get("data");
    }
}
