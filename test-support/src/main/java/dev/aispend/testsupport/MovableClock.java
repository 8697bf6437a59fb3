package dev.aispend.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand, so that timeouts, expiries and TTLs are exact and no test waits. Its
 * {@link #epochNanos()} serves as a ticker that moves with it (e.g. Caffeine's {@code Ticker}: {@code clock::epochNanos}).
 */
public final class MovableClock extends Clock {
    private Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Nanoseconds since the epoch: enough for a ticker, which is only compared with itself. */
    public long epochNanos() {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("a movable clock is in UTC; the tests read instants only");
        }
        return this;
    }
}
