package dev.aispend.testsupport;

import dev.aispend.devstack.Directories;
import dev.aispend.devstack.EmbeddedPostgresServer;
import dev.aispend.devstack.ForkedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real PostgreSQL and a real Kafka broker for integration tests, started at most once per test JVM and stopped
 * when it exits. Each is chosen in this order, and the choice is logged so a run says what it ran against:
 * <ol>
 *   <li>given explicitly: {@code TEST_POSTGRES_URL} (a server URL whose user may CREATE DATABASE, e.g.
 *       {@code jdbc:postgresql://db:5432/postgres}) with {@code TEST_POSTGRES_USER} and
 *       {@code TEST_POSTGRES_PASSWORD}; {@code TEST_KAFKA_BOOTSTRAP_SERVERS};</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>embedded: PostgreSQL 17 from zonky's binaries, and a broker forked from the jars in
 *       devstack/kafka-broker.</li>
 * </ol>
 * Nothing is ever skipped: if none of them can start, the tests fail with the reason.
 */
public final class TestInfrastructure {
    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String POSTGRES_IMAGE = "postgres:17-alpine";
    private static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private static TestPostgres postgres;
    private static TestKafka kafka;
    private static Boolean dockerAvailable;

    private TestInfrastructure() {
    }

    public static synchronized TestPostgres postgres() {
        if (postgres == null) {
            postgres = startPostgres();
            LOG.info("test PostgreSQL: {}", postgres.description());
        }
        return postgres;
    }

    public static synchronized TestKafka kafka() {
        if (kafka == null) {
            kafka = startKafka();
            LOG.info("test Kafka: {}", kafka.description());
        }
        return kafka;
    }

    private static TestPostgres startPostgres() {
        String url = System.getenv("TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            URI server = URI.create(url.substring("jdbc:".length()));
            return new TestPostgres("given by TEST_POSTGRES_URL (" + server.getHost() + ":" + server.getPort() + ")",
                    server.getHost(), server.getPort(), System.getenv().getOrDefault("TEST_POSTGRES_USER",
                    "postgres"), System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestPostgres("Testcontainers " + POSTGRES_IMAGE, container.getHost(),
                    container.getMappedPort(5432), container.getUsername(), container.getPassword());
        }
        Path directory = temporaryDirectory("postgres");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0, true);
        stopThenDelete(server, directory);
        return new TestPostgres("embedded PostgreSQL 17 on port " + server.port(), "localhost", server.port(),
                EmbeddedPostgresServer.USER, "");
    }

    private static TestKafka startKafka() {
        String bootstrap = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !bootstrap.isBlank()) {
            return new TestKafka("given by TEST_KAFKA_BOOTSTRAP_SERVERS (" + bootstrap + ")", bootstrap);
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestKafka("Testcontainers " + KAFKA_IMAGE, container.getBootstrapServers());
        }
        String classpathFile = System.getProperty(ForkedKafkaBroker.CLASSPATH_FILE_PROPERTY);
        if (classpathFile == null) {
            throw new IllegalStateException("no Kafka for the tests: set TEST_KAFKA_BOOTSTRAP_SERVERS, run Docker, "
                    + "or run through Maven, which sets -D" + ForkedKafkaBroker.CLASSPATH_FILE_PROPERTY);
        }
        Path directory = temporaryDirectory("kafka");
        ForkedKafkaBroker broker = ForkedKafkaBroker.start(Path.of(classpathFile), directory, 0);
        stopThenDelete(broker, directory);
        return new TestKafka("forked Kafka broker at " + broker.bootstrapServers(), broker.bootstrapServers());
    }

    private static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError noDocker) {
                dockerAvailable = false;
            }
            LOG.info("Docker engine {}", dockerAvailable ? "answers: using Testcontainers"
                    : "does not answer: using embedded PostgreSQL and a forked Kafka broker");
        }
        return dockerAvailable;
    }

    /** When the test JVM exits: stop the server, then remove its data (deleteOnExit cannot: it is not empty). */
    private static void stopThenDelete(AutoCloseable server, Path directory) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                Directories.deleteRecursively(directory);
            } catch (Exception failure) {
                LOG.warn("could not clean up {} in {}", server, directory, failure);
            }
        }));
    }

    private static Path temporaryDirectory(String purpose) {
        try {
            return Files.createTempDirectory("aispend-test-" + purpose + "-");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
