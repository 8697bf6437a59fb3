package dev.aispend.platform.kafka;

import java.time.Duration;

/**
 * Asks the broker again, at a fixed short interval and within a deadline, until a change it acknowledged has
 * taken effect. Kafka's Admin API acknowledges some changes before every broker shows them (a topic's new
 * configuration, a closed consumer leaving its group) and offers nothing to wait on, so a bounded poll is the
 * only way to know; the interval is short because the propagation takes milliseconds, and fixed because there
 * is no failing dependency to back off from.
 */
public final class BrokerPoll {
    private BrokerPoll() {
    }

    /** One look at the broker: true when the change shows, false to look again. */
    public interface Attempt {
        boolean done() throws Exception;
    }

    /** Polls until {@code attempt} is done; throws naming {@code what} past {@code timeout}. */
    public static void until(String what, Duration timeout, Duration interval, Attempt attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!attempt.done()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " did not happen within " + timeout);
                }
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting: " + what, interrupted);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new IllegalStateException(what + " failed", failure);
        }
    }
}
