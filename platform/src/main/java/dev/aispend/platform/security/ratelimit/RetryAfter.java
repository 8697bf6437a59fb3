package dev.aispend.platform.security.ratelimit;

/** The {@code Retry-After} of a refused request: whole seconds (RFC 9110 allows no fraction), rounded up. */
final class RetryAfter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private RetryAfter() {
    }

    /**
     * Seconds until a request is admitted again, given the nanoseconds Bucket4j says a token needs to come back.
     * Rounded up, because a client retrying at the rounded-down second would be refused again; and at least one,
     * because 0 would tell it to retry at once.
     */
    static long seconds(long nanosToWait) {
        long whole = nanosToWait / NANOS_PER_SECOND;
        long seconds = nanosToWait % NANOS_PER_SECOND == 0 ? whole : whole + 1;
        return Math.max(1, seconds);
    }
}
