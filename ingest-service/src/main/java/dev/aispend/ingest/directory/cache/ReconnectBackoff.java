package dev.aispend.ingest.directory.cache;

import java.time.Duration;

/**
 * How long the listener waits before connecting again: doubling from {@link #FIRST} after each failed attempt, up
 * to {@link #LONGEST}, and from the first again once it listens. While it waits every look-up asks the database, so
 * the bound is short; doubling spares a database that is starting up or overloaded a retry storm.
 */
final class ReconnectBackoff {
    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration LONGEST = Duration.ofSeconds(10);

    private Duration next = FIRST;

    /** The wait before this attempt; the one after it is twice as long, at most {@link #LONGEST}. */
    Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
        return wait;
    }

    /** The wait {@link #next} will give, without moving on. */
    Duration peek() {
        return next;
    }

    void reset() {
        next = FIRST;
    }
}
