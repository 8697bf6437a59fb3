package dev.aispend.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to generate: the seed, the end of the period (exclusive; usage and merges lie before it), its length in days
 * and how many people. The caller passes the end: the generator never reads the clock, so the same spec always
 * gives the same month.
 *
 * @param seed   every random choice derives from it
 * @param end    the period's end, truncated to the second; the period is {@code [end - days, end)}
 * @param days   the period's length, 7..92
 * @param people how many people, 30..1000 (the ten teams share them)
 */
public record DemoSpec(long seed, Instant end, int days, int people) {
    /** The default seed of {@code ./run-local --demo} and the benchmark. */
    public static final long DEFAULT_SEED = 20261124L;

    public DemoSpec {
        Objects.requireNonNull(end, "end");
        end = end.truncatedTo(ChronoUnit.SECONDS);
        if (days < 7 || days > 92) {
            throw new IllegalArgumentException("days must be within 7..92, was " + days);
        }
        if (people < 30 || people > 1000) {
            throw new IllegalArgumentException("people must be within 30..1000, was " + people);
        }
    }

    /** The 30 days ending at {@code end}, about a hundred people: the demo month. */
    public static DemoSpec month(long seed, Instant end) {
        return new DemoSpec(seed, end, 30, 100);
    }

    public Instant start() {
        return end.minus(Duration.ofDays(days));
    }
}
