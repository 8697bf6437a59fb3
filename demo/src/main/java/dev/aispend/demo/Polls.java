package dev.aispend.demo;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The loader's one way of waiting: asks {@code condition} every {@code interval} until it holds or {@code within}
 * has passed, then fails with {@code failure}'s words. What it waits for (a report's figures, the ledger's head, a
 * policy change's status) is observable only by asking over HTTP, so there is nothing to be notified by. The demo
 * cannot use devstack's {@code Wait}: the launcher depends on this module, not the other way round.
 */
final class Polls {
    private Polls() {
    }

    static void until(Duration within, Duration interval, BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                throw new DeliveryRefusedException(failure.get());
            }
            pause(interval);
        }
    }

    /** A fixed wait: between polls, and before retrying a 503 as its Retry-After asks. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryRefusedException("interrupted while waiting");
        }
    }
}
