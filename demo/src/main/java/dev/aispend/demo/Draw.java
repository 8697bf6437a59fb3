package dev.aispend.demo;

import java.util.List;
import java.util.Random;

/** Seeded draws the generator makes; every one goes through the caller's {@link Random}. */
final class Draw {
    private Draw() {
    }

    static long between(Random random, long low, long high) {
        return low + (long) (random.nextDouble() * (high - low));
    }

    static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
