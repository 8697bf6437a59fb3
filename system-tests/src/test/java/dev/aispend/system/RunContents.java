package dev.aispend.system;

import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Everything a run of the system stored, published or logged, handed to a {@link PrivacyScan} piece by piece with
 * where it came from: every record (key, value, headers) of every topic of the run, every value of every table of
 * every service's database (bytes read as UTF-8 text), and every line of every service's log.
 */
final class RunContents {
    private static final Duration READ_WITHIN = Duration.ofSeconds(60);

    private RunContents() {
    }

    /** @return how many records were read */
    static long kafka(String topicPrefix, PrivacyScan scan) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSystem.kafkaBootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<TopicPartition> partitions = partitions(topicPrefix);
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_WITHIN);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read every record of the run's topics within "
                            + READ_WITHIN);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    scanRecord(record, scan);
                    read++;
                }
            }
        }
        return read;
    }

    /** @return how many rows were read */
    static long databases(RunningSystem system, PrivacyScan scan) {
        TestPostgres postgres = TestInfrastructure.postgres();
        long rows = 0;
        for (String service : system.serviceNames()) {
            try (Connection connection = DriverManager.getConnection(system.databaseUrl(service), postgres.user(),
                    postgres.password())) {
                for (String table : tables(connection)) {
                    rows += scanTable(connection, service + " " + table, table, scan);
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("could not read " + service + "'s database", failure);
            }
        }
        return rows;
    }

    /** @return how many lines were read */
    static long logs(Path directory, PrivacyScan scan) {
        long lines = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int line = 0; line < content.size(); line++) {
                    scan.scan("log " + log.getFileName() + ":" + (line + 1), content.get(line));
                }
                lines += content.size();
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return lines;
    }

    private static void scanRecord(ConsumerRecord<byte[], byte[]> record, PrivacyScan scan) {
        String where = "kafka " + record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.key() != null) {
            scan.scan(where + " key", text(record.key()));
        }
        if (record.value() != null) {
            scan.scan(where + " value", text(record.value()));
        }
        for (Header header : record.headers()) {
            scan.scan(where + " header " + header.key(), header.value() == null ? "" : text(header.value()));
        }
    }

    private static List<TopicPartition> partitions(String topicPrefix) {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningSystem.kafkaBootstrapServers()))) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(topicPrefix)).sorted().toList();
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(topic ->
                    topic.partitions().forEach(partition -> partitions.add(new TopicPartition(topic.name(),
                            partition.partition()))));
            return partitions;
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("could not list the run's topics", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Every table of the service's own schemas (report-service keeps a schema per read-model generation). */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT format('%I.%I', table_schema, table_name) "
                     + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                     + "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static long scanTable(Connection connection, String where, String table, PrivacyScan scan)
            throws SQLException {
        long count = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                count++;
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    String value = columns.getColumnTypeName(column).equals("bytea")
                            ? text(rows.getBytes(column)) : rows.getString(column);
                    if (value != null) {
                        scan.scan("database " + where + " row " + count + " column "
                                + columns.getColumnName(column), value);
                    }
                }
            }
        }
        return count;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
