package dev.aispend.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool of the JDK or the host to completion and answers what it printed; fails loudly, with that output,
 * when it fails, and ends it when it runs past a bound far above any normal run (jlink takes seconds).
 */
final class Processes {
    private static final long TIMEOUT_SECONDS = 600;

    private Processes() {
    }

    /** Standard output and error of {@code command}, merged. */
    static String run(List<String> command) {
        return run(new ProcessBuilder(command));
    }

    static String run(ProcessBuilder builder) {
        String name = builder.command().get(0);
        try {
            Process process = builder.redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", builder.command()) + " exited with "
                        + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot run " + name + " (is it installed?)", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, interrupted);
        }
    }
}
