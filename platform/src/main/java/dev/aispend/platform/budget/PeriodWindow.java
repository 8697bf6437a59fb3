package dev.aispend.platform.budget;

import java.time.Instant;
import java.util.Objects;

/**
 * One period of a budget: its key ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}), and the instants it covers,
 * start inclusive and end exclusive, as computed in the budget's time zone (so a month in Europe/Berlin starts at
 * 23:00 or 22:00 UTC the day before, depending on daylight saving).
 */
public record PeriodWindow(String key, Instant start, Instant end) {
    public PeriodWindow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a period ends after it starts: " + start + " .. " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
