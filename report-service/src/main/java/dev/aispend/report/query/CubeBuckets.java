package dev.aispend.report.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a cube's range whose groups never cross from one part to another, so each part can be summed on its
 * own and the parts' rows put one after the other give the whole answer in its order. When the first dimension
 * grouped by is a period (day, week, month), its periods within the range, in order: every group then lies in one
 * period, and the statement orders by that period first. Else, or past {@link #MAX_BUCKETS} periods, the whole
 * range is one part.
 */
final class CubeBuckets {
    /** The most parts one range is cut into: a day split of the longest range a report may ask for, and more. */
    static final int MAX_BUCKETS = 4_000;

    /** One part: its first and last day (both included, within the range). */
    record Bucket(LocalDate from, LocalDate to) {
        Bucket {
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("a bucket's first day must not be after its last");
            }
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private CubeBuckets() {
    }

    /** The parts of {@code filter}'s range for this grouping, in date order, covering the range exactly. */
    static List<Bucket> of(Cube.Filter filter, List<Dimension> groupBy) {
        Dimension period = groupBy.isEmpty() || !groupBy.get(0).isPeriod() ? null : groupBy.get(0);
        if (period == null) {
            return List.of(new Bucket(filter.from(), filter.to()));
        }
        List<Bucket> buckets = new ArrayList<>();
        LocalDate start = filter.from();
        while (!start.isAfter(filter.to())) {
            LocalDate end = lastDayOf(period, start);
            if (end.isAfter(filter.to())) {
                end = filter.to();
            }
            buckets.add(new Bucket(start, end));
            if (buckets.size() > MAX_BUCKETS) {
                // Longer than any report may ask for by default: one part (summed afresh unless settled whole).
                return List.of(new Bucket(filter.from(), filter.to()));
            }
            start = end.plusDays(1);
        }
        return buckets;
    }

    /**
     * The day that identifies a group's part: the value of the period the groups start with (a day, or the first
     * day of its week or month, which may lie before the range's first day), clamped into the range.
     */
    static LocalDate dayOf(Object periodValue, Cube.Filter filter) {
        LocalDate day = (LocalDate) periodValue;
        return day.isBefore(filter.from()) ? filter.from() : day;
    }

    private static LocalDate lastDayOf(Dimension period, LocalDate day) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
            default -> throw new IllegalArgumentException(period + " is not a period");
        };
    }
}
