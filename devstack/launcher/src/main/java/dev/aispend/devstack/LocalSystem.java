package dev.aispend.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine: PostgreSQL (embedded binaries), a forked Kafka broker and the four services,
 * started in dependency order, checked healthy, and stopped in reverse order on Ctrl-C.
 *
 * <p>Started by {@code ./run-local} from the repository root after the build; options: {@code [--data-dir=./data]
 * [--fresh] [--demo] [--postgres-port=5433] [--kafka-port=9092]}; {@code --demo} loads the demo month once the
 * system is up ({@link LocalDemo}).
 */
public final class LocalSystem implements AutoCloseable {
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private ForkedKafkaBroker kafka;
    private Path signingKeyFile;
    private String githubWebhookSecret;
    private String directoryEncryptionKey;
    private Path issuerPublicKeys;
    private Path reportLedgerCredential;
    /** With --demo: the services compile with C1 only, unless SERVICE_JVM_OPTIONS says otherwise (ServiceProcess). */
    private boolean quickStartCompiler;
    private TokenIssuer issuer;

    public static void main(String[] arguments) throws InterruptedException {
        Options options = Options.parse(arguments);
        long startNanos = System.nanoTime();
        LocalSystem system = new LocalSystem();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping everything the launcher started...");
            system.close();
            stopped.countDown();
        }, "local-system-shutdown"));
        try {
            system.start(options);
        } catch (RuntimeException failure) {
            System.err.println("start-up failed: " + failure.getMessage());
            System.exit(1);
        }
        system.printSummary(options, Duration.ofNanos(System.nanoTime() - startNanos));
        if (options.demo()) {
            try {
                LocalDemo.load(system.issuer, options.dataDirectory(), system.webhookSecret(), startNanos);
            } catch (RuntimeException failure) {
                System.err.println("the demo month could not be loaded: " + failure.getMessage()
                        + " (the system keeps running; ./run-local --demo again sends only what is missing)");
            }
        }
        stopped.await();
    }

    void start(Options options) {
        Path dataDirectory = options.dataDirectory();
        quickStartCompiler = options.demo() && System.getenv("SERVICE_JVM_OPTIONS") == null;
        if (options.fresh()) {
            Directories.deleteRecursively(dataDirectory);
        }
        createDirectories(dataDirectory);
        System.out.println("starting PostgreSQL on " + options.postgresPort() + " (data in "
                + dataDirectory.resolve("postgres") + ")");
        postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), options.postgresPort(), false);
        started.push(postgres);
        System.out.println("starting Kafka on " + options.kafkaPort());
        kafka = ForkedKafkaBroker.start(options.brokerClasspathFile(), dataDirectory.resolve("kafka"),
                options.kafkaPort(), quickStartCompiler ? ServiceProcess.QUICK_START_COMPILER : List.of());
        started.push(kafka);
        String pseudonymKey = readOrCreateSecret(dataDirectory.resolve("secrets").resolve("pseudonym-key"));
        // The key ingest's directory encrypts emails and other aliases with (docs/security.md); kept like the above.
        directoryEncryptionKey = readOrCreateSecret(dataDirectory.resolve("secrets")
                .resolve("directory-encryption-key"));
        // The secret GitHub signs webhook deliveries with (docs/github.md); without one ingest refuses them all.
        githubWebhookSecret = readOrCreateSecret(dataDirectory.resolve("secrets").resolve("github-webhook-secret"));
        signingKeyFile = SigningKeyFile.readOrCreate(dataDirectory.resolve("secrets").resolve("ledger-signing-key.pem"))
                .toAbsolutePath();
        // The development issuer: ./run-local token <role> mints tokens the local services accept (docs/security.md).
        Path issuerKey = DevelopmentTokens.keyFile(dataDirectory);
        issuer = TokenIssuer.readOrCreate(issuerKey, TokenIssuer.DEVELOPMENT_ISSUER);
        issuerPublicKeys = TokenIssuer.publicKeysFile(issuerKey).toAbsolutePath();
        // report-service's own credentials for the ledger (rebuild replays, audit reads), minted at every start.
        reportLedgerCredential = ServiceCredentials.write(dataDirectory.resolve("secrets").resolve("report-service.token"),
                ServiceCredentials.reportService(issuer));
        for (ServiceSpec spec : ServiceSpec.defaults()) {
            postgres.createDatabaseIfMissing(spec.database());
        }
        startServices(options.repositoryRoot(), dataDirectory.resolve("logs"), pseudonymKey);
    }

    private void startServices(Path repositoryRoot, Path logDirectory, String pseudonymKey) {
        System.out.println("starting the four services (logs in " + logDirectory + ")");
        for (ServiceSpec spec : ServiceSpec.defaults()) {
            ServiceProcess service = ServiceProcess.start(spec, repositoryRoot, logDirectory,
                    environmentFor(spec, pseudonymKey));
            services.add(service);
            started.push(service);
        }
        CompletableFuture.allOf(services.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(SERVICE_START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private Map<String, String> environmentFor(ServiceSpec spec, String pseudonymKey) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("DB_URL", postgres.jdbcUrl(spec.database()));
        environment.put("DB_USER", EmbeddedPostgresServer.USER);
        environment.put("DB_PASSWORD", "");
        environment.put("PSEUDONYM_KEY", pseudonymKey);
        environment.put("LEDGER_SIGNING_KEY_FILE", signingKeyFile.toString());
        environment.put("AUTH_ISSUER", TokenIssuer.DEVELOPMENT_ISSUER);
        environment.put("AUTH_JWKS_FILE", issuerPublicKeys.toString());
        if (spec.name().equals("report-service")) {
            environment.put("AUTH_LEDGER_CREDENTIAL_FILE", reportLedgerCredential.toString());
        }
        if (spec.name().equals("ingest-service")) {
            environment.put("DIRECTORY_ENCRYPTION_KEY", directoryEncryptionKey);
        }
        if (spec.name().equals("ingest-service") && System.getenv("INGEST_GITHUB_WEBHOOK_SECRET") == null) {
            environment.put("INGEST_GITHUB_WEBHOOK_SECRET", githubWebhookSecret);
        }
        if (quickStartCompiler) {
            environment.put("SERVICE_JVM_OPTIONS", ServiceProcess.QUICK_START_JVM_OPTIONS);
        }
        return environment;
    }

    /** The secret ingest checks GitHub deliveries with: the environment's, else the one kept in the data directory. */
    private String webhookSecret() {
        String given = System.getenv("INGEST_GITHUB_WEBHOOK_SECRET");
        return given != null ? given : githubWebhookSecret;
    }

    private void printSummary(Options options, Duration took) {
        System.out.println();
        System.out.printf("AI spend ledger is up (%.1f s):%n", took.toMillis() / 1000.0);
        System.out.printf("  %-16s jdbc:postgresql://localhost:%d/{ingest,ledger,policy,report} user %s%n",
                "postgresql", postgres.port(), EmbeddedPostgresServer.USER);
        System.out.printf("  %-16s %s%n", "kafka", kafka.bootstrapServers());
        for (ServiceProcess service : services) {
            System.out.printf("  %-16s %s   (log %s)%n", service.spec().name(), service.baseUrl(),
                    service.process().logFile());
        }
        System.out.println("Data is kept in " + options.dataDirectory().toAbsolutePath()
                + " (start with --fresh to wipe it). Ctrl-C stops everything.");
    }

    /** Stops what was started, newest first: services, then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception failure) {
                System.err.println("could not stop " + next + ": " + failure.getMessage());
            }
        }
    }

    private static String readOrCreateSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, encoded);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return encoded;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read or create " + file, failure);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Command-line options, each with a default that works on a fresh clone. */
    record Options(Path repositoryRoot, Path dataDirectory, boolean fresh, int postgresPort, int kafkaPort,
                   boolean demo) {

        static Options parse(String[] arguments) {
            Path root = Path.of("").toAbsolutePath();
            Path data = root.resolve("data");
            boolean fresh = false;
            boolean demo = false;
            int postgresPort = 5433;
            int kafkaPort = 9092;
            for (String argument : arguments) {
                if (argument.equals("--fresh")) {
                    fresh = true;
                } else if (argument.equals("--demo")) {
                    demo = true;
                } else if (argument.startsWith("--data-dir=")) {
                    data = Path.of(argument.substring("--data-dir=".length())).toAbsolutePath();
                } else if (argument.startsWith("--postgres-port=")) {
                    postgresPort = Integer.parseInt(argument.substring("--postgres-port=".length()));
                } else if (argument.startsWith("--kafka-port=")) {
                    kafkaPort = Integer.parseInt(argument.substring("--kafka-port=".length()));
                } else {
                    throw new IllegalArgumentException("unknown option " + argument
                            + " (known: --data-dir=DIR --fresh --demo --postgres-port=N --kafka-port=N)");
                }
            }
            return new Options(root, data, fresh, postgresPort, kafkaPort, demo);
        }

        Path brokerClasspathFile() {
            return repositoryRoot.resolve("devstack/kafka-broker/target/kafka-broker.classpath");
        }
    }
}
