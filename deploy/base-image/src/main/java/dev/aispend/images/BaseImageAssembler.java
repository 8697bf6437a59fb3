package dev.aispend.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the base image the suite builds the services' images from (see this module's pom for why), as a Docker
 * image tarball for Jib's tar://. Run by the build at pre-integration-test:
 * {@code --java-home=DIR --modules=a,b,c --work-directory=DIR --output=FILE}.
 * <p>
 * A tarball already made from the same JDK release and modules by this version of the assembler is kept: linking
 * and compressing take seconds that a build repeated without change need not spend ({@code mvn clean} forces it).
 */
public final class BaseImageAssembler {
    /** Raise when what the assembler writes changes, so tarballs kept from before are made again. */
    static final int RECIPE_VERSION = 1;
    static final String TAG = "aispend/base-jre:local";

    private BaseImageAssembler() {
    }

    public static void main(String[] arguments) {
        Map<String, String> options = options(arguments);
        Path javaHome = Path.of(required(options, "java-home")).toAbsolutePath().normalize();
        List<String> modules = Arrays.stream(required(options, "modules").split(",")).map(String::strip).sorted()
                .toList();
        Path work = Path.of(required(options, "work-directory")).toAbsolutePath();
        Path output = Path.of(required(options, "output")).toAbsolutePath();
        String recipe = recipe(javaHome, modules);
        Path recipeFile = output.resolveSibling(output.getFileName() + ".recipe");
        if (Files.isRegularFile(output) && recipe.equals(readOrEmpty(recipeFile))) {
            System.out.println("[base-image] " + output + " is up to date (" + TAG + ")");
            return;
        }
        long started = System.nanoTime();
        assemble(javaHome, modules, work, output);
        write(recipeFile, recipe);
        System.out.printf("[base-image] %s: %,d bytes in %,d ms%n", output, output.toFile().length(),
                (System.nanoTime() - started) / 1_000_000);
    }

    static void assemble(Path javaHome, List<String> modules, Path work, Path output) {
        // jlink writes only into a directory that does not exist yet.
        Processes.run(List.of("rm", "-rf", work.toString()));
        Path runtime = work.resolve("runtime");
        JavaRuntime.link(javaHome, modules, runtime);
        List<Path> libraries = SharedLibraries.neededBy(runtime);
        ImageLayer.Written layer = ImageLayer.write(RootFilesystem.of(runtime, libraries),
                work.resolve(DockerArchive.LAYER_FILE));
        String history = "dev.aispend.images.BaseImageAssembler: jlink --add-modules " + String.join(",", modules)
                + " from " + release(javaHome).lines().filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                .orElse("an unknown JDK") + ", with " + libraries;
        DockerArchive.write(output, TAG, layer, history);
    }

    /** Everything the tarball's content follows from; a kept tarball is reused only when this is unchanged. */
    static String recipe(Path javaHome, List<String> modules) {
        return "version=" + RECIPE_VERSION + "\njava.home=" + javaHome + "\nmodules=" + String.join(",", modules)
                + "\n" + release(javaHome);
    }

    private static String release(Path javaHome) {
        String release = readOrEmpty(javaHome.resolve("release"));
        if (release.isEmpty()) {
            throw new IllegalStateException(javaHome + " has no release file: not a JDK");
        }
        return release;
    }

    static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + argument);
            }
            options.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
