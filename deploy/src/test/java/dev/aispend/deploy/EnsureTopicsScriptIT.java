package dev.aispend.deploy;

import dev.aispend.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * base/kafka-topics/ensure-topics.sh, the kafka-topics Job's script, run against a real broker with Kafka's own
 * tools (TopicCommand, ConfigCommand: what the image's kafka-topics.sh and kafka-configs.sh run), on lines of the
 * real topics.txt. Each test uses topics of its own prefix, so they share the broker without meeting.
 */
class EnsureTopicsScriptIT {
    private static final Path SCRIPT = Deployment.deployDirectory().resolve("k8s/base/kafka-topics/ensure-topics.sh");
    private static final Path TOPICS = Deployment.deployDirectory().resolve("k8s/base/kafka-topics/topics.txt");
    @TempDir
    static Path work;
    private static Admin admin;
    private static String bootstrapServers;

    @BeforeAll
    static void writeKafkaToolsOfTheBrokersClasspath() throws Exception {
        bootstrapServers = TestInfrastructure.kafka().bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        String classpath = Files.readString(Path.of(System.getProperty("kafka.broker.classpath.file"))).strip();
        Path bin = Files.createDirectories(work.resolve("bin"));
        tool(bin.resolve("kafka-topics.sh"), classpath, "org.apache.kafka.tools.TopicCommand");
        tool(bin.resolve("kafka-configs.sh"), classpath, "kafka.admin.ConfigCommand");
    }

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void creates_missing_topics_and_sets_the_configuration_of_existing_ones() throws Exception {
        String prefix = "ensure-made.";
        // Made before, with the broker's 7-day default retention a ledger.v1 must never have.
        admin.createTopics(List.of(new NewTopic(prefix + "ledger.v1", 1, (short) 1)
                .configs(Map.of("retention.ms", "604800000")))).all().get(30, TimeUnit.SECONDS);

        Command result = ensureTopics(prefix, lines("usage.v1", "ledger.v1", "api-keys.v1"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(partitions(prefix + "usage.v1")).isEqualTo(4);
        assertThat(partitions(prefix + "ledger.v1")).isEqualTo(1);
        assertThat(configuration(prefix + "ledger.v1").get("retention.ms").value()).isEqualTo("-1");
        assertThat(configuration(prefix + "ledger.v1").get("min.insync.replicas").value()).isEqualTo("1");
        assertThat(configuration(prefix + "usage.v1").get("retention.ms").value()).isEqualTo("2592000000");
        assertThat(configuration(prefix + "api-keys.v1").get("cleanup.policy").value()).isEqualTo("compact");
    }

    @Test
    void fails_naming_a_ledger_topic_with_more_than_one_partition() throws Exception {
        String prefix = "ensure-refused.";
        admin.createTopics(List.of(new NewTopic(prefix + "ledger.v1", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);

        Command result = ensureTopics(prefix, lines("ledger.v1"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains(prefix + "ledger.v1 has 3 partitions, must have exactly 1");
    }

    /** The lines of the real topics.txt that define {@code names}, in a file of their own. */
    private static Path lines(String... names) throws Exception {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(TOPICS)) {
            if (List.of(names).contains(line.split("\\s+")[0])) {
                kept.add(line);
            }
        }
        assertThat(kept).as("lines of " + TOPICS).hasSize(names.length);
        Path file = Files.createTempFile(work, "topics", ".txt");
        Files.write(file, kept);
        return file;
    }

    private static Command ensureTopics(String prefix, Path topicsFile) {
        List<String> command = List.of("env", "KAFKA_BIN=" + work.resolve("bin"), "TOPICS_FILE=" + topicsFile,
                "KAFKA_BOOTSTRAP_SERVERS=" + bootstrapServers, "KAFKA_TOPIC_PREFIX=" + prefix,
                "KAFKA_TOPIC_REPLICATION_FACTOR=1", "KAFKA_MIN_INSYNC_REPLICAS=1", "INGEST_USAGE_TOPIC_PARTITIONS=4",
                "BROKER_WAIT_ATTEMPTS=3", "sh", SCRIPT.toString());
        return Command.run(work, command);
    }

    private static int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
    }

    private static Config configuration(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    /** A bin/ script as Kafka ships it, running the tool's class with the broker's classpath; C1 only: it is short. */
    private static void tool(Path script, String classpath, String mainClass) throws Exception {
        Files.writeString(script, "#!/bin/sh\nexec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + classpath
                + "' " + mainClass + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
}
