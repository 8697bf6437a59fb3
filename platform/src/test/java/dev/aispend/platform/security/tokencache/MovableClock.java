package dev.aispend.platform.security.tokencache;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A wall clock and a ticker the test moves together by hand, so expiry and the TTL are exact and no test waits.
 */
final class MovableClock extends Clock implements Ticker {
    private Instant now;

    MovableClock(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Nanoseconds since the epoch: enough for Caffeine, which only compares ticks. */
    @Override
    public long read() {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the tests read instants only");
    }
}
