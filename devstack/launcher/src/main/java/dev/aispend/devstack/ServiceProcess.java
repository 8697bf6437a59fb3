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
    public static ServiceProcess start(ServiceSpec spec, Path repositoryRoot, Path logDirectory,
                                       Map<String, String> environment) {
        Path jar = spec.jar(repositoryRoot);
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + "; build first: ./mvnw -DskipTests package");
        }
        Map<String, String> serviceEnvironment = new HashMap<>(environment);
        serviceEnvironment.put("HTTP_PORT", Integer.toString(spec.port()));
        serviceEnvironment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx512m",
                "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-Ddisable-axoniq-console-message=true",
                "-jar", jar.toString()));
        ChildProcess child = ChildProcess.start(spec.name(), command, serviceEnvironment, repositoryRoot,
                logDirectory.resolve(spec.name() + ".log"));
        return new ServiceProcess(spec, child);
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
        Wait.until(spec.name() + " healthy at " + baseUrl() + "/health (log: " + process.logFile() + ")", timeout,
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(spec.name() + " exited during start-up:\n" + process.tail());
                    }
                    return isHealthy();
                });
    }

    /**
     * UP, and answered by THIS service: /health names the application, so a port taken meanwhile by another
     * process (another service given the same free port, which then failed to bind) is never taken for it.
     */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
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
