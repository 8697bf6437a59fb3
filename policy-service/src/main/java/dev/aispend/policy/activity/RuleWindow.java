package dev.aispend.policy.activity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The window a badge or an anomaly rule counts over, in the rule's time zone: every ISO week (Monday to Monday),
 * every calendar month, or all time. A window's key names it in decision ids ({@code 2026-W07}, {@code 2026-02},
 * {@code all}); its end is when it closes: the evaluator closes a window once an entry's time reaches its end.
 */
public enum RuleWindow {
    ALL_TIME,
    ISO_WEEK,
    MONTH;

    /** The key of the window containing {@code time}. */
    public String keyOf(Instant time, ZoneId zone) {
        LocalDate date = time.atZone(zone).toLocalDate();
        return switch (this) {
            case ALL_TIME -> "all";
            case ISO_WEEK -> String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
        };
    }

    /** The first instant after the window containing {@code time}; {@link Instant#MAX} for all time. */
    public Instant endOf(Instant time, ZoneId zone) {
        LocalDate date = time.atZone(zone).toLocalDate();
        return switch (this) {
            case ALL_TIME -> Instant.MAX;
            case ISO_WEEK -> date.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
            case MONTH -> date.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }
}
