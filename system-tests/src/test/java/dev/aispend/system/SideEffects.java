package dev.aispend.system;

import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything a request could have stored or published: the end offset of every partition of the run's topics,
 * and the row count of every table in every service's database. Two snapshots that are equal mean nothing was
 * stored or published between them.
 */
final class SideEffects {
    private SideEffects() {
    }

    static Map<String, Long> snapshot(RunningSystem system, String topicPrefix) {
        Map<String, Long> counts = new TreeMap<>(topicEnds(topicPrefix));
        TestPostgres postgres = TestInfrastructure.postgres();
        for (String service : system.serviceNames()) {
            counts.putAll(rowCounts(service, system.databaseUrl(service), postgres));
        }
        return counts;
    }

    private static Map<String, Long> topicEnds(String topicPrefix) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSystem.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(topicPrefix)).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values()) {
                topic.partitions().forEach(partition -> latest.put(
                        new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
            }
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> ends.put("kafka " + partition, offset.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("could not read the topics' end offsets", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static Map<String, Long> rowCounts(String service, String url, TestPostgres postgres) {
        String sql = "SELECT table_schema || '.' || table_name AS name, (xpath('/row/c/text()', query_to_xml("
                + "format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]"
                + "::text::bigint AS rows FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                + "AND table_schema NOT IN ('pg_catalog', 'information_schema')";
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put("table " + service + " " + rows.getString("name"), rows.getLong("rows"));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not count the rows of " + service + "'s tables", failure);
        }
        return counts;
    }
}
