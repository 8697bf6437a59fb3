package dev.aispend.policy.activity;

import java.util.List;
import java.util.OptionalLong;

/** The median of whole numbers (the lower of the two middle values' mean, rounded down, for an even count). */
public final class TeamMedian {
    private TeamMedian() {
    }

    public static OptionalLong of(List<Long> values) {
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return OptionalLong.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : Math.floorDiv(sorted.get(middle - 1) + sorted.get(middle), 2));
    }
}
