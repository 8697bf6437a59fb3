package dev.aispend.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), forked as its
 * own JVM from the jars devstack/kafka-broker resolved. Its log directory survives restarts.
 */
public final class ForkedKafkaBroker implements AutoCloseable {
    public static final String CLASSPATH_FILE_PROPERTY = "kafka.broker.classpath.file";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final int port;

    private ForkedKafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Formats the storage if it is new, starts the broker and waits until it answers.
     * {@code port} 0 picks free ports for the client and the controller listeners.
     */
    public static ForkedKafkaBroker start(Path classpathFile, Path dataDirectory, int port) {
        return start(classpathFile, dataDirectory, port, List.of());
    }

    /** @param jvmOptions added to the broker's heap and collector options (e.g. C1 only for a quick demo) */
    public static ForkedKafkaBroker start(Path classpathFile, Path dataDirectory, int port, List<String> jvmOptions) {
        int clientPort = port > 0 ? port : freePort();
        int controllerPort = freePort();
        try {
            Path logDirectory = dataDirectory.resolve("log");
            Files.createDirectories(logDirectory);
            Path properties = dataDirectory.resolve("server.properties");
            Files.writeString(properties, serverProperties(logDirectory, clientPort, controllerPort));
            String classpath = readClasspath(classpathFile);
            Path log = dataDirectory.resolve("broker.log");
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                ChildProcess.runToCompletion("kafka-storage-format",
                        List.of(ChildProcess.javaExecutable(), "-Xmx256m", "-cp", classpath,
                                "kafka.tools.StorageTool", "format", "--cluster-id=" + newClusterId(), "-c",
                                properties.toString()),
                        dataDirectory, log, 120);
            }
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms256m", "-Xmx512m",
                    "-XX:+UseG1GC"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-Djava.awt.headless=true", "-cp", classpath, "kafka.Kafka",
                    properties.toString()));
            ChildProcess broker = ChildProcess.start("kafka", command, Map.of(), dataDirectory, log);
            ForkedKafkaBroker started = new ForkedKafkaBroker(broker, clientPort);
            started.awaitReady();
            return started;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not prepare the Kafka broker in " + dataDirectory, failure);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void awaitReady() {
        Wait.until("Kafka broker on port " + port + " (log: " + process.logFile() + ")", READY_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited during start-up:\n" + process.tail());
            }
            return answers();
        });
    }

    private boolean answers() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private static String serverProperties(Path logDirectory, int clientPort, int controllerPort) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory,
                // Topics are created on purpose by the service that owns them, with the partitions it needs.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1"));
        return String.join("\n", lines) + "\n";
    }

    private static String readClasspath(Path classpathFile) throws IOException {
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException("no broker classpath at " + classpathFile
                    + "; build devstack/kafka-broker first (./mvnw -DskipTests package)");
        }
        return Files.readString(classpathFile).trim();
    }

    /**
     * Kafka cluster ids are 16 random bytes, URL-safe base64 without padding. Passed as --cluster-id=ID: an id
     * that starts with "-" (one in 64) would otherwise be read as an option and fail the format.
     */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException("no free port", failure);
        }
    }

    @Override
    public String toString() {
        return "Kafka broker at " + bootstrapServers();
    }

    @Override
    public void close() {
        process.close();
    }
}
