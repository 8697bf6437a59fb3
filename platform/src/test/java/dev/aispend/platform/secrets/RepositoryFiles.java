package dev.aispend.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files of the repository this test runs in, as paths relative to its root: what git tracks plus what it would
 * add (untracked, not ignored), so a key is caught before it is committed. Without git (a source archive), every
 * file under the root but build output, dot-directories and ./run-local's data directory.
 */
public final class RepositoryFiles {
    private static final Set<String> NOT_SOURCE = Set.of("target", "node_modules");
    private static final long GIT_TIMEOUT_SECONDS = 60;

    private RepositoryFiles() {
    }

    /** The repository root: the nearest directory up from the working directory that holds the Maven wrapper. */
    public static Path root() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("platform"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and platform/) above "
                + Path.of("").toAbsolutePath());
    }

    static List<Path> list(Path root) {
        return fromGit(root).orElseGet(() -> walk(root));
    }

    private static Optional<List<Path>> fromGit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached", "--others",
                    "--exclude-standard").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = git.getInputStream().readAllBytes();
            if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(new String(output, StandardCharsets.UTF_8).split("\0"))
                    .filter(name -> !name.isEmpty()).map(Path::of).distinct().toList());
        } catch (IOException noGit) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the repository's files", interrupted);
        }
    }

    private static List<Path> walk(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize)
                    .filter(path -> !outsideTheSource(path)).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static boolean outsideTheSource(Path relative) {
        if (relative.getNameCount() > 1 && relative.getName(0).toString().equals("data")) {
            return true;
        }
        for (Path part : relative) {
            String name = part.toString();
            if (NOT_SOURCE.contains(name) || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
