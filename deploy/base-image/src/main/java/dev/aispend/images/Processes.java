package dev.aispend.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a tool of the JDK or the host to completion and fails loudly, with its output, when it fails. */
final class Processes {
    private Processes() {
    }

    /** Standard output and error of {@code command}, merged. */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + status + ":\n" + output);
            }
            return output;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " (is it installed?)", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), interrupted);
        }
    }
}
