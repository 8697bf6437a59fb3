package dev.aispend.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition with a bound: the only way anything here waits for something to become true. */
public final class Wait {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Wait() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                // Polling interval between checks of an external process; there is nothing to be notified by.
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, interrupted);
            }
        }
    }
}
