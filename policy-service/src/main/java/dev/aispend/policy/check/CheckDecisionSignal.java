package dev.aispend.policy.check;

import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Wakes the decision relay as soon as a check committed its decision to the outbox, so decisions.v1 follows the
 * checks without a polling delay; the relay still looks by itself after its interval, in case a signal was missed
 * or another instance wrote the row.
 */
@Singleton
public final class CheckDecisionSignal {
    private long commits;

    public synchronized void committed() {
        commits++;
        notifyAll();
    }

    public synchronized void wakeUp() {
        notifyAll();
    }

    public synchronized long commitsSoFar() {
        return commits;
    }

    /** Returns once there were more than {@code seen} commits, after {@code maximumWait}, or on a wake-up. */
    public synchronized void awaitCommitAfter(long seen, Duration maximumWait) throws InterruptedException {
        if (commits <= seen && maximumWait.toMillis() > 0) {
            wait(maximumWait.toMillis());
        }
    }
}
