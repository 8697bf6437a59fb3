package dev.aispend.images;

import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ledger-service started from its image as a container would start it (ContainerRoot: its entrypoint, user and
 * environment, nothing of the host's file system) against real PostgreSQL and Kafka: proves the assembled runtime
 * carries what a service reaches only at run time (Ed25519 signing, JDBC, the Kafka client's native compression,
 * Netty), that the classpath file Jib writes starts it, and that it answers the probes an orchestrator uses on
 * the port its image exposes, from outside the loopback-only default. The ledger is the service with the most of
 * these; the four images share the same base.
 */
class LedgerImageIT {
    private static final Path WORK = Path.of("target/ledger-image").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Process ledger;
    private static int port;
    private static Path log;

    @BeforeAll
    static void startTheLedgerFromItsImage() throws IOException {
        ContainerRoot container = ContainerRoot.ledger();
        // What a container runtime mounts into every container.
        Files.writeString(container.root().resolve("etc/hosts"), "127.0.0.1 localhost\n");
        port = freePort();
        log = WORK.resolve("ledger-service.log");
        ledger = container.command(container.entrypoint(), environment()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Wait.until("ledger-service from its image to answer /health/readiness (log: " + log + ")", START_TIMEOUT,
                () -> {
                    if (!ledger.isAlive()) {
                        throw new AssertionError("ledger-service from its image exited; its log:\n" + tail());
                    }
                    return status("/health/readiness") == 200;
                });
    }

    /**
     * SIGTERM to the JVM itself, as an orchestrator stops a container, while PostgreSQL and Kafka still run (unshare
     * passes no signal on to it).
     */
    @AfterAll
    static void stopTheLedger() throws InterruptedException {
        if (ledger == null) {
            return;
        }
        ledger.descendants().forEach(ProcessHandle::destroy);
        if (!ledger.waitFor(30, TimeUnit.SECONDS)) {
            ledger.descendants().forEach(ProcessHandle::destroyForcibly);
            ledger.destroyForcibly();
        }
        // 143: the JVM's status after SIGTERM once its shutdown hooks (Micronaut's orderly stop) have run.
        assertThat(ledger.exitValue()).as("the ledger's exit on SIGTERM; its log:\n%s", tail()).isIn(0, 143);
    }

    @Test
    void answersTheLivenessAndReadinessProbesOnItsExposedPort() {
        String liveness = get("/health/liveness").body();
        String readiness = get("/health/readiness").body();

        // Liveness: the JVM itself (no deadlocked threads), so a database outage never restarts the pod; readiness:
        // the database, Kafka and the service's own loops, so traffic waits for them.
        assertThat(liveness).contains("\"status\":\"UP\"", "deadlockedThreads").doesNotContain("jdbc");
        assertThat(readiness).contains("\"status\":\"UP\"", "\"jdbc\"", "\"kafka\"", "\"ledger\"");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void runsAsTheImagesUserWithTheImagesFlags() throws IOException {
        String commandLine = Files.readString(Path.of("/proc", Long.toString(javaProcessId()), "cmdline"))
                .replace('\0', ' ');
        long owner = (Integer) Files.getAttribute(Path.of("/proc", Long.toString(javaProcessId())), "unix:uid");

        assertThat(owner).isEqualTo(10001);
        assertThat(commandLine).contains("-XX:MaxRAMPercentage=50", "@/app/jib-classpath-file",
                "dev.aispend.ledger.Application");
    }

    private static Map<String, String> environment() {
        TestPostgres postgres = TestInfrastructure.postgres();
        KeyPair signing = signingKeys();
        String run = "image" + ProcessHandle.current().pid();
        return Map.of("HTTP_PORT", Integer.toString(port),
                "DB_URL", postgres.createDatabase("ledger_image"), "DB_USER", postgres.user(),
                "DB_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafka().bootstrapServers(),
                "KAFKA_TOPIC_PREFIX", run + ".", "LEDGER_INTAKE_CONSUMER_GROUP", "ledger-" + run,
                "LEDGER_SIGNING_PRIVATE_KEY", Base64.getEncoder().encodeToString(signing.getPrivate().getEncoded()),
                "LEDGER_SIGNING_PUBLIC_KEY", Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()),
                "LOG_FORMAT", "text");
    }

    /** A fixed seed: the key only has to be valid. */
    private static KeyPair signingKeys() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(20261124L);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, seeded);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The service's JVM: the process under unshare (its child) whose command is java. */
    private static long javaProcessId() {
        List<ProcessHandle> java = new ArrayList<>();
        ledger.descendants().filter(process -> process.info().command().orElse("").endsWith("/java"))
                .forEach(java::add);
        assertThat(java).as("one JVM under the container's process").hasSize(1);
        return java.get(0).pid();
    }

    private static int status(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException refused) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
            return response;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static HttpRequest request(String path) {
        // Not 127.0.0.1, the services' default bind address: a server bound to it refuses 127.0.0.2 (Linux routes
        // all of 127/8 to loopback). Only HTTP_HOST=0.0.0.0 in the image makes it answer here, as on a pod's address.
        return HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException failure) {
            return "(no log: " + failure + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
