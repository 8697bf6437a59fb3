package dev.aispend.system;

import dev.aispend.devstack.ServiceCredentials;
import dev.aispend.devstack.ServiceProcess;
import dev.aispend.devstack.ServiceSpec;
import dev.aispend.devstack.SigningKeyFile;
import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import dev.aispend.testsupport.security.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The four services forked from their built jars on free ports, each with a fresh database of its own on the
 * test PostgreSQL and all on the test Kafka broker. Stopped (SIGTERM, as in production) by close().
 */
final class RunningSystem implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Map<String, ServiceProcess> services = new HashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, Path> logDirectories = new HashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private Path root;
    private Path logs;

    static RunningSystem start(String runName) {
        return start(runName, Map.of());
    }

    /** @param extraEnvironment per service name, settings beside the common ones (e.g. a webhook secret) */
    static RunningSystem start(String runName, Map<String, Map<String, String>> extraEnvironment) {
        return start(runName, extraEnvironment, 1);
    }

    /**
     * {@code instances} of each service, each on a port of its own, the instances of one service sharing its
     * database, consumer groups and configuration as replicas of one deployment do. The first is named as the
     * service ({@link #url}), the others {@code <service>#<n>}; each writes its log to {@code instance-<n>/}. Only
     * one ledger instance leads: start-up waits for each standby to be live, not ready (ADR 0013).
     */
    static RunningSystem start(String runName, Map<String, Map<String, String>> extraEnvironment, int instances) {
        RunningSystem system = new RunningSystem();
        Path root = repositoryRoot();
        Path logs = logDirectory(runName);
        system.root = root;
        system.logs = logs;
        TestPostgres postgres = TestInfrastructure.postgres();
        String kafka = TestInfrastructure.kafka().bootstrapServers();
        // A fixed seed: the key only has to be valid; tests never depend on its value.
        byte[] key = new byte[32];
        new Random(20261122L).nextBytes(key);
        byte[] directoryKey = new byte[32];
        new Random(20261124L).nextBytes(directoryKey);
        Path signingKey = SigningKeyFile.readOrCreate(logs.resolve("ledger-signing-key.pem"));
        // The services trust the tests' issuer (JsonHttp sends its tokens); report-service has its own for the ledger.
        Path issuerKeys = TestIssuer.writePublicKeys(logs.resolve("issuer-jwks.json"));
        Path reportCredential = ServiceCredentials.write(logs.resolve("report-service.token"),
                ServiceCredentials.reportService(TestIssuer.issuer()));
        system.secrets.addAll(List.of(Base64.getEncoder().encodeToString(key),
                Base64.getEncoder().encodeToString(directoryKey), privateKeyOf(signingKey),
                read(reportCredential)));
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.defaults()) {
            Map<String, String> environment = new HashMap<>();
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            environment.put("DB_URL", postgres.createDatabase(spec.database() + "_" + runName));
            environment.put("DB_USER", postgres.user());
            environment.put("DB_PASSWORD", postgres.password());
            environment.put("PSEUDONYM_KEY", Base64.getEncoder().encodeToString(key));
            if (spec.name().equals("ingest-service")) {
                environment.put("DIRECTORY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(directoryKey));
            }
            environment.put("LEDGER_SIGNING_KEY_FILE", signingKey.toString());
            environment.put("LOG_FORMAT", "text");
            environment.put("AUTH_ISSUER", TestIssuer.ISSUER);
            environment.put("AUTH_JWKS_FILE", issuerKeys.toString());
            if (spec.name().equals("report-service")) {
                environment.put("AUTH_LEDGER_CREDENTIAL_FILE", reportCredential.toString());
            }
            // Each run its own topics, so runs sharing a broker never read each other's records.
            environment.put("KAFKA_TOPIC_PREFIX", topicPrefix(runName));
            // Each run its own consumer groups, so runs sharing a broker never share offsets.
            environment.put("LEDGER_INTAKE_CONSUMER_GROUP", "ledger-" + runName);
            environment.put("POLICY_LEDGER_CONSUMER_GROUP", "policy-" + runName);
            environment.put("REPORT_LEDGER_CONSUMER_GROUP", "report-" + runName);
            // Positions in these tests count only what they send; the policy flow turns the seed on.
            environment.put("POLICY_SEED_RATE_CARDS", "false");
            // Nor the default badge and anomaly rules; a test that wants them turns them on.
            environment.put("POLICY_SEED_GAMIFICATION", "false");
            if (system.services.containsKey("ledger-service")) {
                // policy-service forwards re-rating requests to the ledger (started before it).
                environment.put("LEDGER_URL", system.services.get("ledger-service").baseUrl());
            }
            environment.putAll(extraEnvironment.getOrDefault(spec.name(), Map.of()));
            for (int instance = 1; instance <= instances; instance++) {
                String name = instance == 1 ? spec.name() : spec.name() + "#" + instance;
                Map<String, String> instanceEnvironment = new HashMap<>(environment);
                instanceEnvironment.put("LEDGER_INSTANCE_ID", name);
                Path instanceLogs = instance == 1 ? logs : logs.resolve("instance-" + instance);
                ServiceProcess service = ServiceProcess.start(spec.withPort(freePort()), root, instanceLogs,
                        instanceEnvironment);
                system.services.put(name, service);
                system.environments.put(name, instanceEnvironment);
                system.logDirectories.put(name, instanceLogs);
                started.add(service);
            }
        }
        try {
            CompletableFuture.allOf(started.stream()
                    .map(service -> CompletableFuture.runAsync(() -> awaitStarted(service, instances)))
                    .toArray(CompletableFuture[]::new)).join();
            if (instances > 1) {
                system.services.values().stream().filter(service -> service.spec().name().equals("ledger-service"))
                        .findFirst().orElseThrow().awaitLive(START_TIMEOUT);
                Wait.until("one ledger instance leads", START_TIMEOUT, () -> system.ledgerLeader().isPresent());
            }
        } catch (RuntimeException failure) {
            system.close();
            throw failure;
        }
        return system;
    }

    /** With several ledger instances only the leader becomes healthy; the others are live standbys. */
    private static void awaitStarted(ServiceProcess service, int instances) {
        if (instances > 1 && service.spec().name().equals("ledger-service")) {
            service.awaitLive(START_TIMEOUT);
        } else {
            service.awaitHealthy(START_TIMEOUT);
        }
    }

    /** The name of the ledger instance that leads now (the only one whose /health is UP), if any does. */
    Optional<String> ledgerLeader() {
        return services.entrySet().stream()
                .filter(entry -> entry.getValue().spec().name().equals("ledger-service"))
                .filter(entry -> entry.getValue().process().isAlive() && entry.getValue().isHealthy())
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * One more instance of {@code service}, named {@code name}, with the service's configuration and the given
     * settings in place of some of it (a database and consumer group of its own make it an independent replica).
     */
    void startAnother(String service, String name, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(environments.get(service));
        environment.putAll(overrides);
        Path instanceLogs = logs.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        ServiceProcess started = ServiceProcess.start(services.get(service).spec().withPort(freePort()), root,
                instanceLogs, environment);
        services.put(name, started);
        environments.put(name, environment);
        logDirectories.put(name, instanceLogs);
        started.awaitHealthy(START_TIMEOUT);
    }

    /** Kills one instance with SIGKILL, as a crash or a lost machine would; it is not started again. */
    void kill(String name) {
        services.get(name).process().kill();
    }

    /** Kills the service with SIGKILL, as a crash would, and starts it again on the same port and database. */
    void crashAndRestart(String name) {
        ServiceProcess crashed = services.get(name);
        crashed.process().kill();
        ServiceProcess restarted = ServiceProcess.start(crashed.spec(), root, logDirectories.get(name),
                environments.get(name));
        services.put(name, restarted);
        restarted.awaitHealthy(START_TIMEOUT);
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    }

    /** Where the services of run {@code runName} write their logs ({@code <service>.log}, appended to). */
    static Path logDirectory(String runName) {
        return repositoryRoot().resolve("system-tests/target/service-logs/" + runName);
    }

    static String topicPrefix(String runName) {
        return runName + ".";
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    /** The JDBC URL of {@code service}'s database (user and password: TestInfrastructure.postgres()). */
    String databaseUrl(String service) {
        return environments.get(service).get("DB_URL");
    }

    /**
     * The secrets this run configured: the pseudonym and directory keys, the ledger's private signing key (base64,
     * as in its PEM file) and report-service's token for the ledger. None may ever show in what the run stores,
     * publishes or logs.
     */
    List<String> secrets() {
        return List.copyOf(secrets);
    }

    private static String privateKeyOf(Path pem) {
        String text = read(pem);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(pem + " holds no PRIVATE KEY");
        }
        return text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The names of the four services, as {@link #url} knows them. */
    java.util.Set<String> serviceNames() {
        return java.util.Set.copyOf(services.keySet());
    }

    static String kafkaBootstrapServers() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    /** Ports handed out in this JVM: the OS may offer a just-closed port again, and two services cannot share one. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        throw new IllegalStateException("no free port not handed out already after 100 attempts");
    }

    @Override
    public void close() {
        services.values().parallelStream().forEach(ServiceProcess::close);
    }
}
