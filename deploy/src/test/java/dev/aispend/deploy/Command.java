package dev.aispend.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An external tool run to its end within a bound, its output kept; a tool that fails, fails the test loudly. */
record Command(int exitCode, String output) {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Runs {@code command} in {@code directory}; stdout and stderr together, as a person would read them. */
    static Command run(Path directory, List<String> command) {
        try {
            Path log = Files.createTempFile("deploy-command", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT);
                }
                return new Command(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException failure) {
            // ensure-tools.sh installs every tool before the tests run: a missing one is a broken build, not a skip.
            throw new UncheckedIOException("could not run " + String.join(" ", command), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), interrupted);
        }
    }

    /** Runs {@code command} and returns its output; fails naming the command and showing its output otherwise. */
    static String succeeding(Path directory, List<String> command) {
        Command result = run(directory, command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }
}
