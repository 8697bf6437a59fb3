package dev.aispend.ingest.directory.cache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Instants where rounding to the microsecond can go wrong: exact halves, their neighbours, and any nanosecond. */
final class RoundingSamples {
    private static final long SEED = 16;

    private RoundingSamples() {
    }

    /** {@code count} instants within a second of {@code second} (a whole second), a quarter of each kind. */
    static List<Instant> instants(Instant second, int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Instant> instants = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            int micro = random.nextInt(1_000_000);
            int nanos = switch (index % 4) {
                case 0 -> micro * 1_000 + 500;
                case 1 -> micro * 1_000 + 499;
                case 2 -> micro * 1_000 + 501;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(second.plusNanos(nanos));
        }
        return instants;
    }
}
