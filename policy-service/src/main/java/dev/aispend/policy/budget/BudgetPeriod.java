package dev.aispend.policy.budget;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A budget's period: a calendar unit in a time zone. Pure: the window of an instant depends only on the instant,
 * the unit and the zone's rules, never on the wall clock.
 */
@Serdeable
public record BudgetPeriod(PeriodUnit unit, String timeZone) {

    public BudgetPeriod {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(timeZone, "timeZone");
        ZoneId.of(timeZone); // Fails on an unknown zone: the parser reports it by field before this.
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
            case MONTH -> String.format("%04d-%02d", first.getYear(), first.getMonthValue());
            case QUARTER -> String.format("%04d-Q%d", first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.format("%04d", first.getYear());
        };
        // atStartOfDay(zone) is the first valid instant of the day, also where midnight falls in a DST gap.
        return new PeriodWindow(key, first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }
}
