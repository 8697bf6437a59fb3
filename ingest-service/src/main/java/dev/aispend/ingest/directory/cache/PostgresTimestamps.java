package dev.aispend.ingest.directory.cache;

import java.time.Instant;

/**
 * An instant as a PostgreSQL {@code timestamptz} holds it: whole microseconds since the epoch. The directory's SQL
 * is given its instants as text ({@link Instant#toString()}, up to nine fraction digits) and PostgreSQL rounds that
 * text to a microsecond: it reads the fraction as a {@code double} and rounds {@code fraction * 1e6} with
 * {@code rint}, half to even (datetime.c, {@code ParseFractionalSecond}). The cache answers in memory what that SQL
 * answers, so it rounds the same way, down to the halves: 0.0000005 s is 0 µs, 0.0000015 s is 2 µs, 0.0000025 s is
 * 2 µs, 0.9999995 s is the next second (all measured on PostgreSQL 17).
 */
public final class PostgresTimestamps {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;
    private static final int HALF_A_MICRO_IN_NANOS = 500;

    private PostgresTimestamps() {
    }

    /** {@code at} in microseconds since the epoch, rounded as PostgreSQL rounds {@code at.toString()}. */
    public static long epochMicros(Instant at) {
        long wholeSeconds = Math.multiplyExact(at.getEpochSecond(), MICROS_PER_SECOND);
        int nanos = at.getNano();
        int belowMicro = nanos % NANOS_PER_MICRO;
        if (belowMicro != HALF_A_MICRO_IN_NANOS) {
            // Away from a half, the double's error (under 1e-9 µs) cannot move the result off the nearest micro.
            return wholeSeconds + nanos / NANOS_PER_MICRO + (belowMicro > HALF_A_MICRO_IN_NANOS ? 1 : 0);
        }
        return wholeSeconds + asPostgresRoundsFraction(nanos);
    }

    /**
     * PostgreSQL's own arithmetic for a fraction of a second: strtod of the digits, times 10^6, rint. Java's
     * {@code Double.parseDouble} and {@code Math.rint} are the correctly rounded IEEE operations glibc's are; the
     * digits' trailing zeros (toString writes 3, 6 or 9 digits) do not change the number parsed.
     */
    static long asPostgresRoundsFraction(int nanos) {
        double fraction = Double.parseDouble("0." + String.format("%09d", nanos));
        return (long) Math.rint(fraction * MICROS_PER_SECOND);
    }

    /** An instant read from a {@code timestamptz} column: whole microseconds, so nothing is rounded. */
    static long epochMicrosOfStored(Instant stored) {
        return Math.addExact(Math.multiplyExact(stored.getEpochSecond(), MICROS_PER_SECOND),
                stored.getNano() / NANOS_PER_MICRO);
    }
}
