package dev.aispend.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion and answers what it printed; a failure or a hang fails the test. */
final class Processes {
    private static final long TIMEOUT_SECONDS = 60;

    private Processes() {
    }

    static String output(List<String> command) {
        return output(new ProcessBuilder(command));
    }

    static String output(ProcessBuilder builder) {
        try {
            Process process = builder.redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(builder.command() + " exited with " + process.exitValue() + ":\n"
                        + text);
            }
            return text;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot run " + builder.command().get(0), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
