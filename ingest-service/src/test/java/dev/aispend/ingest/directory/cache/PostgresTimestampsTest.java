package dev.aispend.ingest.directory.cache;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Instants rounded to the microsecond as PostgreSQL rounds the text it is given. */
class PostgresTimestampsTest {
    private static final Instant SECOND = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SECOND_MICROS = SECOND.getEpochSecond() * 1_000_000L;

    @Test
    void keeps_an_instant_of_whole_microseconds_as_it_is() {
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(123_456_000))).isEqualTo(SECOND_MICROS + 123_456);
        assertThat(PostgresTimestamps.epochMicros(SECOND)).isEqualTo(SECOND_MICROS);
    }

    @Test
    void rounds_nanoseconds_to_the_nearest_microsecond() {
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(1_499))).isEqualTo(SECOND_MICROS + 1);
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(1_501))).isEqualTo(SECOND_MICROS + 2);
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(999_999_999))).isEqualTo(SECOND_MICROS + 1_000_000);
    }

    /** What PostgreSQL 17 answered for these texts ({@code SELECT '2024-01-01T00:00:00.0000005Z'::timestamptz}). */
    @Test
    void rounds_a_half_microsecond_as_postgresql_does() {
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(500))).isEqualTo(SECOND_MICROS);
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(1_500))).isEqualTo(SECOND_MICROS + 2);
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(2_500))).isEqualTo(SECOND_MICROS + 2);
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(123_456_500))).isEqualTo(SECOND_MICROS + 123_456);
        assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(999_999_500))).isEqualTo(SECOND_MICROS + 1_000_000);
    }

    @Test
    void rounds_an_instant_before_the_epoch_by_its_fraction_of_a_second_as_written() {
        // toString writes 1969-12-31T23:59:59.000001600Z: the fraction is counted up from the second before.
        Instant beforeEpoch = Instant.ofEpochSecond(-1, 1_600);

        assertThat(PostgresTimestamps.epochMicros(beforeEpoch)).isEqualTo(-1_000_000L + 2);
    }

    @Test
    void agrees_with_postgresqls_arithmetic_away_from_the_halves() {
        SplittableRandom random = new SplittableRandom(16);
        for (int sample = 0; sample < 200_000; sample++) {
            int nanos = random.nextInt(1_000_000_000);
            assertThat(PostgresTimestamps.epochMicros(SECOND.plusNanos(nanos)) - SECOND_MICROS)
                    .as("nanos %d", nanos).isEqualTo(PostgresTimestamps.asPostgresRoundsFraction(nanos));
        }
    }

    @Test
    void reads_a_stored_instant_of_whole_microseconds_exactly() {
        assertThat(PostgresTimestamps.epochMicrosOfStored(SECOND.plusNanos(7_000))).isEqualTo(SECOND_MICROS + 7);
    }
}
