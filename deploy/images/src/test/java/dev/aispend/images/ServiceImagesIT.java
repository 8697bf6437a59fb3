package dev.aispend.images;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's image tarball, as its build wrote it (&lt;service&gt;/target/jib-image.tar, Jib at verify): how a
 * container of it starts (user, JVM flags, environment, port, labels) and what its layers hold (a Java runtime in
 * the base, the service's libraries, resources and classes above it).
 */
class ServiceImagesIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("repository.root", "../.."))
            .toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("project.version");
    private static final Pattern DEFAULT_PORT = Pattern.compile("port: \\$\\{HTTP_PORT:(\\d+)}");

    /** Each tarball is read once for all the tests below (tens of megabytes each). */
    private static final Map<String, ImageTarball> IMAGES = new ConcurrentHashMap<>();

    static ImageTarball image(String service) {
        return IMAGES.computeIfAbsent(service, name -> {
            Path tarball = REPOSITORY.resolve(name).resolve("target/jib-image.tar");
            assertThat(tarball).as("built by " + name + "'s verify (jib:buildTar)").isRegularFile();
            return ImageTarball.read(tarball);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "ledger-service", "policy-service", "report-service"})
    void runsAsTheNonRootUserWithMemoryThatFollowsTheContainersLimit(String service) {
        JsonNode config = image(service).containerConfig();

        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        List<String> entrypoint = texts(config.get("Entrypoint"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError",
                "-Ddisable-axoniq-console-message=true");
        assertThat(entrypoint.get(entrypoint.size() - 1)).startsWith("dev.aispend.").endsWith(".Application");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "ledger-service", "policy-service", "report-service"})
    void listensOnEveryInterfaceAtThePortItsConfigurationNames(String service) {
        ImageTarball image = image(service);

        Map<String, String> environment = image.environment();
        assertThat(environment).containsEntry("HTTP_HOST", "0.0.0.0")
                .containsEntry("AXONIQ_UPDATE_CHECKER_DISABLED", "true")
                .containsEntry("JAVA_HOME", "/opt/java/openjdk");
        assertThat(environment.get("PATH")).startsWith("/opt/java/openjdk/bin:");
        List<String> ports = new ArrayList<>();
        image.containerConfig().get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactly(defaultPort(service) + "/tcp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "ledger-service", "policy-service", "report-service"})
    void isLabelledWithTheProjectVersionAndBuiltReproducibly(String service) {
        ImageTarball image = image(service);

        JsonNode labels = image.containerConfig().get("Labels");
        assertThat(VERSION).isNotBlank();
        assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
        assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(labels.get("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(texts(image.manifest().get("RepoTags"))).containsExactly("aispend/" + service + ":" + VERSION);
        // A fixed creation time: the same sources give the same image digest.
        assertThat(image.configuration().get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "ledger-service", "policy-service", "report-service"})
    void layersTheJavaRuntimeBelowTheLibrariesBelowTheServicesOwnCode(String service) {
        ImageTarball image = image(service);
        List<Map<String, ImageTarball.Entry>> layers = image.layers();

        Map<String, ImageTarball.Entry> base = layers.get(0);
        assertThat(base.get("opt/java/openjdk/bin/java")).as("the java launcher in the base layer")
                .isNotNull().matches(ImageTarball.Entry::executable, "executable");
        assertThat(base.get("etc/passwd")).isNotNull();
        // Jib's layers, least often changed first: libraries, the project's own modules, resources, classes, and
        // the classpath and main class files the entrypoint reads.
        assertThat(layers).hasSize(6);
        assertThat(layers.get(1).keySet()).as("third-party libraries, the lowest layer above the base")
                .anyMatch(path -> path.matches("app/libs/micronaut-http-server-netty-[0-9.]+\\.jar"))
                .anyMatch(path -> path.matches("app/libs/postgresql-[0-9.]+\\.jar"));
        assertThat(layers.get(2).keySet()).as("the project's own modules")
                .contains("app/libs/contracts-" + VERSION + ".jar", "app/libs/platform-" + VERSION + ".jar");
        assertThat(layers.get(3)).as("resources").containsKey("app/resources/application.yml");
        String mainClass = "app/classes/" + mainClassOf(image).replace('.', '/') + ".class";
        assertThat(layers.get(4)).as("classes").containsKey(mainClass);
        assertThat(layers.get(5)).containsKeys("app/jib-classpath-file", "app/jib-main-class-file");
    }

    static String mainClassOf(ImageTarball image) {
        List<String> entrypoint = texts(image.containerConfig().get("Entrypoint"));
        return entrypoint.get(entrypoint.size() - 1);
    }

    static int defaultPort(String service) {
        Path configuration = REPOSITORY.resolve(service).resolve("src/main/resources/application.yml");
        try {
            Matcher port = DEFAULT_PORT.matcher(Files.readString(configuration));
            assertThat(port.find()).as(configuration + " names its port as ${HTTP_PORT:n}").isTrue();
            return Integer.parseInt(port.group(1));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
