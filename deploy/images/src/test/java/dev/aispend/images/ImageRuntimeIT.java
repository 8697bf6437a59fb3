package dev.aispend.images;

import dev.aispend.devstack.Directories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java runtime deploy/base-image assembles, run from an unpacked service image as a container would run it
 * (ContainerRoot): it starts with only what the image carries, as the image's user, and holds every JDK module the
 * four services' code and libraries use.
 */
class ImageRuntimeIT {
    private static final Path WORK = Path.of("target/image-runtime").toAbsolutePath();
    private static final List<String> SERVICES = List.of("ingest-service", "ledger-service", "policy-service",
            "report-service");
    private static ContainerRoot ledger;

    @BeforeAll
    static void unpackTheLedgerImage() {
        Directories.deleteRecursively(WORK);
        ledger = ContainerRoot.ledger();
    }

    @Test
    void javaStartsInTheImageAsItsUserWithUtf8AndItsHome() {
        String settings = Processes.run(ledger.command(List.of("java", "-XshowSettings:properties", "-version"),
                Map.of()));

        assertThat(settings).contains("java.home = /opt/java/openjdk", "user.name = aispend",
                "user.home = /home/aispend", "file.encoding = UTF-8", "sun.jnu.encoding = UTF-8");
    }

    @Test
    void theRuntimeHoldsEveryJdkModuleTheServicesUse() {
        Set<String> modules = Processes.run(ledger.command(List.of("java", "--list-modules"), Map.of()))
                .lines().map(line -> line.split("@")[0].strip()).filter(line -> !line.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(modules).contains("java.base", "jdk.crypto.ec");
        assertThat(modules).containsAll(modulesUsedByTheServices());
    }

    /** jdeps' answer for the four images' classes, through the libraries beside them, as the images hold them. */
    private static Set<String> modulesUsedByTheServices() {
        Path applications = WORK.resolve("applications");
        List<String> classes = new ArrayList<>();
        for (String service : SERVICES) {
            // Each service's classes apart; the libraries, one set for all four (one BOM, one version each).
            ServiceImagesIT.image(service).extract(applications, path -> path.startsWith("app/classes")
                    || path.startsWith("app/libs") && !Files.exists(applications.resolve(path)));
            try {
                Files.move(applications.resolve("app/classes"), applications.resolve(service));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            classes.add(applications.resolve(service).toString());
        }
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        List<String> command = new ArrayList<>(List.of(jdeps.toString(), "--ignore-missing-deps", "--multi-release",
                "17", "--print-module-deps", "--class-path", applications.resolve("app/libs") + "/*"));
        command.addAll(classes);
        String answer = Processes.run(command).strip();
        return new TreeSet<>(Arrays.asList(answer.substring(answer.lastIndexOf('\n') + 1).split(",")));
    }
}
