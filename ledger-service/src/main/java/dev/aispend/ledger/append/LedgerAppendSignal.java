package dev.aispend.ledger.append;

import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Wakes the publication relay as soon as the intake committed new events, so that ledger.v1 follows the ledger
 * with no polling delay; the relay still wakes by itself after its idle wait, in case a signal was missed.
 */
@Singleton
public final class LedgerAppendSignal {
    private long appends;

    public synchronized void appended() {
        appends++;
        notifyAll();
    }

    /** Wakes every waiter without counting an append, e.g. so the relay notices it is stopping. */
    public synchronized void wakeUp() {
        notifyAll();
    }

    public synchronized long appendsSoFar() {
        return appends;
    }

    /**
     * Returns once there were more than {@code seen} appends, after {@code maximumWait}, or on a wake-up.
     * A single wait: a wake-up without an append (stop, spurious) sends the relay round its loop once more.
     */
    public synchronized void awaitAppendAfter(long seen, Duration maximumWait) throws InterruptedException {
        if (appends <= seen && maximumWait.toMillis() > 0) {
            wait(maximumWait.toMillis());
        }
    }
}
