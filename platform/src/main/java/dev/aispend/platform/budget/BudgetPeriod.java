package dev.aispend.platform.budget;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A budget's period: a calendar unit in a time zone. Pure: the window of an instant depends only on the instant,
 * the unit and the zone's rules, never on the wall clock.
 *
 * <p>{@code timeZone} is a region id of the IANA time zone database as the JDK ships it ({@code Europe/Berlin},
 * {@code America/New_York}, {@code UTC}, {@code Etc/GMT-2}...). Raw offsets ({@code +02:00}, {@code UTC+2}) are
 * refused: a budget follows the calendar of the people who spend, and a fixed offset would put every period
 * boundary an hour off for half the year where daylight saving applies; one spelling per zone also keeps
 * budgets comparable. The zone's rules come from the JDK's time zone data, so an update of that data that moves
 * a zone's offsets moves that zone's future period boundaries with it.
 */
@Serdeable
public record BudgetPeriod(PeriodUnit unit, String timeZone) {
    public static final String DEFAULT_TIME_ZONE = "UTC";

    /** Copied once: {@link ZoneId#getAvailableZoneIds()} builds a new set on every call. */
    private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    public BudgetPeriod {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(timeZone, "timeZone");
        if (!isRegionId(timeZone)) {
            throw new IllegalArgumentException("timeZone must be an IANA region id, was " + timeZone);
        }
    }

    /** Whether {@code timeZone} is a region id the JDK knows (exactly as written: ids are case-sensitive). */
    public static boolean isRegionId(String timeZone) {
        return REGION_IDS.contains(timeZone);
    }

    /** The period that contains {@code instant}. */
    public PeriodWindow windowOf(Instant instant) {
        ZoneId zone = ZoneId.of(timeZone);
        LocalDate day = ZonedDateTime.ofInstant(instant, zone).toLocalDate();
        LocalDate first = switch (unit) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
        LocalDate next = switch (unit) {
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
        String key = switch (unit) {
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", first.getYear(), first.getMonthValue());
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.format(Locale.ROOT, "%04d", first.getYear());
        };
        // atStartOfDay(zone) is the first valid instant of the day, also where midnight falls in a DST gap.
        return new PeriodWindow(key, first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }
}
