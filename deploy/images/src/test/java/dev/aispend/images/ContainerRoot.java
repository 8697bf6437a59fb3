package dev.aispend.images;

import dev.aispend.devstack.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An image's root file system unpacked on this machine, and its commands run inside it as a container would run
 * them, without a container engine: in a PID and mount namespace of their own with /proc mounted (the dynamic loader
 * finds the JDK's libraries through it), chroot'ed to the image, as the image's user, with only the image's
 * environment and what a test adds. Nothing of the host's file system is visible: a library or file the image lacks
 * fails here as it would in a container. Needs root (chroot), which this project's CI has.
 */
final class ContainerRoot {
    private static final Path LEDGER = Path.of("target/ledger-image/root").toAbsolutePath();
    private static ContainerRoot ledger;

    private final Path root;
    private final ImageTarball image;

    private ContainerRoot(Path root, ImageTarball image) {
        this.root = root;
        this.image = image;
    }

    /** ledger-service's image, unpacked once for every test in this JVM that runs it. */
    static synchronized ContainerRoot ledger() {
        if (ledger == null) {
            Directories.deleteRecursively(LEDGER);
            ledger = unpack(ServiceImagesIT.image("ledger-service"), LEDGER);
        }
        return ledger;
    }

    static ContainerRoot unpack(ImageTarball image, Path directory) {
        if (!"0".equals(Processes.run(List.of("id", "-u")).strip())) {
            throw new IllegalStateException("running an image without a container engine needs root (chroot)");
        }
        try {
            Files.createDirectories(directory);
            image.extract(directory, path -> true);
            Files.createDirectories(directory.resolve("proc"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return new ContainerRoot(directory, image);
    }

    Path root() {
        return root;
    }

    /** A command run in the image, as its user, with its environment plus {@code environment}. */
    ProcessBuilder command(List<String> command, Map<String, String> environment) {
        List<String> line = new ArrayList<>(List.of(hostTool("unshare"), "--fork", "--pid", "--mount",
                "--mount-proc=" + root.resolve("proc"), hostTool("chroot"),
                "--userspec=" + image.containerConfig().get("User").asText(), root.toString()));
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line);
        Map<String, String> variables = new TreeMap<>(image.environment());
        variables.putAll(environment);
        // The command inside is found on the image's PATH, which chroot passes on with the rest.
        builder.environment().clear();
        builder.environment().putAll(variables);
        return builder;
    }

    /** unshare and chroot are util-linux's and coreutils', by absolute path: the image's PATH has no sbin. */
    private static String hostTool(String name) {
        for (String directory : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
            Path tool = Path.of(directory, name);
            if (Files.isExecutable(tool)) {
                return tool.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed (util-linux / coreutils)");
    }

    /** The image's entrypoint, as a container of it would start. */
    List<String> entrypoint() {
        return ServiceImagesIT.texts(image.containerConfig().get("Entrypoint"));
    }
}
