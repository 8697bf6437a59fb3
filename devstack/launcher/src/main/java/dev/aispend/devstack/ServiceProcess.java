package dev.aispend.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A service forked from its built jar, configured only through environment variables, as in deploy/. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final ChildProcess process;

    private ServiceProcess(ServiceSpec spec, ChildProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the service; call {@link #awaitHealthy(Duration)} before sending it traffic. */
    /**
     * Toward each service under 512 MB resident (the performance issue's bound), measured with the benchmark: live
     * data after a full collection is 40 to 140 MB, but G1 grows the heap to its maximum under load, and outside it a
     * service holds about 250 MB (class metadata 83 MB, compiled code 30 MB, malloc arenas, stacks, Netty's direct
     * buffers). High-water marks over a benchmark run (ingest/ledger/policy/report): -Xmx512m 881/523/814/609 MB;
     * -Xmx288m 614/543/587/503 MB; -Xmx224m 552/477/537/469 MB, but one record per request then fell from 510-583 to
     * 320-428 records/s and policy collected 1,377 times in one history phase: 288m is the measured compromise
     * (docs/performance.md).
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx288m -XX:+UseG1GC -XX:MaxMetaspaceSize=160m "
            + "-XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=64m";
    /**
     * What {@code ./run-local --demo} starts the services (and the Kafka broker) with: the default plus C1 only. On two cores the C2
     * compilations of four fresh JVMs take as much CPU as the demo month itself (measured: the month populated
     * 65 s after start-up with C2, 43 s with C1 only; the services' CPU during the load halved). Steady-state
     * code is slower, so benchmarks run on a system started without --demo (docs/performance.md).
     */
    static final List<String> QUICK_START_COMPILER = List.of("-XX:TieredStopAtLevel=1");
    static final String QUICK_START_JVM_OPTIONS = DEFAULT_JVM_OPTIONS + " " + QUICK_START_COMPILER.get(0);

    public static ServiceProcess start(ServiceSpec spec, Path repositoryRoot, Path logDirectory,
                                       Map<String, String> environment) {
        Path jar = spec.jar(repositoryRoot);
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + "; build first: ./mvnw -DskipTests package");
        }
        Map<String, String> serviceEnvironment = new HashMap<>(environment);
        serviceEnvironment.put("HTTP_PORT", Integer.toString(spec.port()));
        serviceEnvironment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // glibc gives each thread that allocates an arena of its own (up to 8 per core), most of them nearly empty
        // but resident: two bound what the JVM's own threads hold outside the heap.
        serviceEnvironment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(jvmOptions(environment));
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Ddisable-axoniq-console-message=true", "-jar",
                jar.toString()));
        ChildProcess child = ChildProcess.start(spec.name(), command, serviceEnvironment, repositoryRoot,
                logDirectory.resolve(spec.name() + ".log"));
        return new ServiceProcess(spec, child);
    }

    /**
     * The services' heap and collector: {@value #DEFAULT_JVM_OPTIONS}, or {@code SERVICE_JVM_OPTIONS} (options
     * separated by spaces) in their place, to compare collectors and heaps in the benchmarks (docs/performance.md:
     * G1's young collections pause policy-service 5 to 9 ms; ZGC, tried in their place, made the checks' tail
     * worse on this 2-core machine).
     */
    static List<String> jvmOptions(Map<String, String> environment) {
        String configured = environment.getOrDefault("SERVICE_JVM_OPTIONS", System.getenv("SERVICE_JVM_OPTIONS"));
        String options = (configured == null ? DEFAULT_JVM_OPTIONS : configured).trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + spec.port();
    }

    public ChildProcess process() {
        return process;
    }

    public void awaitHealthy(Duration timeout) {
        awaitAnswering(timeout, "healthy", true);
    }

    /**
     * Started and answering, healthy or not: what a standby ledger instance is (its /health is DOWN, readiness
     * following leadership, ADR 0013).
     */
    public void awaitLive(Duration timeout) {
        awaitAnswering(timeout, "live", false);
    }

    private void awaitAnswering(Duration timeout, String state, boolean mustBeUp) {
        Wait.until(spec.name() + " " + state + " at " + baseUrl() + "/health (log: " + process.logFile() + ")",
                timeout, () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(spec.name() + " exited during start-up:\n" + process.tail());
                    }
                    return answersHealth(mustBeUp);
                });
    }

    /**
     * UP, and answered by THIS service: /health names the application, so a port taken meanwhile by another
     * process (another service given the same free port, which then failed to bind) is never taken for it.
     */
    public boolean isHealthy() {
        return answersHealth(true);
    }

    private boolean answersHealth(boolean mustBeUp) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return (response.statusCode() == 200 || !mustBeUp)
                    && response.body().contains("\"name\":\"" + spec.name() + "\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return spec.name() + " at " + baseUrl();
    }

    @Override
    public void close() {
        process.close();
    }
}
