package dev.aispend.platform.security.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;

/**
 * One role's limit: a bucket holding up to {@code burst} requests, refilled continuously at
 * {@code requestsPerSecond} (which may be below one: 0.1 is one request every 10 s).
 *
 * @param name the role it is configured for, or {@code default}: names the limit in the 429 and the metric
 */
public record RateLimit(String name, double requestsPerSecond, long burst) {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    public RateLimit {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("auth.rate-limits " + name + ": requests-per-second must be a "
                    + "positive number, not " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("auth.rate-limits " + name + ": burst must be at least 1, not " + burst);
        }
    }

    /** Whether this limit lets more through than {@code other}: a higher rate, or the same rate and a larger burst. */
    public boolean moreGenerousThan(RateLimit other) {
        int byRate = Double.compare(requestsPerSecond, other.requestsPerSecond);
        return byRate > 0 || (byRate == 0 && burst > other.burst);
    }

    /** Whether {@code other} admits exactly as this one does, whatever role it is named for. */
    public boolean sameAs(RateLimit other) {
        return requestsPerSecond == other.requestsPerSecond && burst == other.burst;
    }

    /** For the 429's sentence: "limit of role gateway: 10000 requests per second, burst 20000". */
    public String describe() {
        String rate = requestsPerSecond == Math.rint(requestsPerSecond) ? Long.toString((long) requestsPerSecond)
                : Double.toString(requestsPerSecond);
        return "limit of " + (name.equals(RateLimitConfiguration.DEFAULT_NAME) ? "the default" : "role " + name)
                + ": " + rate + " requests per second, burst " + burst;
    }

    BucketConfiguration bucketConfiguration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    Bandwidth bandwidth() {
        // One token per interval, refilled greedily (a fraction of a token as soon as a fraction of the interval has
        // passed): a rate below one per second stays exact, and tokens come back evenly instead of a second's worth
        // at once.
        long nanosPerRequest = Math.max(1, Math.round(NANOS_PER_SECOND / requestsPerSecond));
        return Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofNanos(nanosPerRequest)).build();
    }
}
