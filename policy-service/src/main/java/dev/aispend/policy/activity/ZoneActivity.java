package dev.aispend.policy.activity;

import io.micronaut.core.annotation.Nullable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everyone's activity by ISO week and by month in one time zone, and the watermark that closes windows: the
 * latest time of any spend or outcome counted. A window closes when the watermark passes its end by
 * {@link #CLOSING_GRACE}; an entry whose
 * time falls in a closed window is late and counted nowhere (its window was judged already, and judging is a
 * function of the ledger up to that point). Windows with nobody active still close (a week of zero adoption). The
 * last two closed windows of each kind stay readable (a person's norm in the window before).
 */
public final class ZoneActivity {
    /** A window that closed: its kind, first day, key, and what each person did in it. */
    public record ClosedWindow(RuleWindow window, LocalDate start, String key, Instant end,
                               Map<String, PersonTally> people) {
    }

    private static final int CLOSED_KEPT = 2;
    /**
     * How far past its end the watermark must be before a window closes. A constant, not a setting: decisions are
     * derived from it, so changing it would change what the ledger's history derives.
     */
    public static final Duration CLOSING_GRACE = Duration.ofHours(1);

    private final ZoneId zone;
    private final TreeMap<LocalDate, Map<String, PersonTally>> weeks = new TreeMap<>();
    private final TreeMap<LocalDate, Map<String, PersonTally>> months = new TreeMap<>();
    private final Map<String, PersonTally> allTime = new HashMap<>();
    private final Map<String, LocalDate> lastActiveWeek = new HashMap<>();
    private final Map<String, Integer> activeWeekStreak = new HashMap<>();
    private LocalDate openWeek;
    private LocalDate openMonth;

    public ZoneActivity(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Moves the watermark to {@code time} (never back) and returns the windows that closed, in the order their
     * ends come (a week ending on the first of a month closes before that month).
     */
    public List<ClosedWindow> advanceTo(Instant time) {
        LocalDate date = time.minus(CLOSING_GRACE).atZone(zone).toLocalDate();
        LocalDate week = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate month = date.withDayOfMonth(1);
        List<ClosedWindow> closed = new ArrayList<>();
        if (openWeek == null) {
            openWeek = week;
            openMonth = month;
            return closed;
        }
        while (openWeek.isBefore(week) || openMonth.isBefore(month)) {
            LocalDate weekEnd = openWeek.plusWeeks(1);
            LocalDate monthEnd = openMonth.plusMonths(1);
            if (openWeek.isBefore(week) && !weekEnd.isAfter(monthEnd)) {
                closed.add(close(RuleWindow.ISO_WEEK, weeks, openWeek, weekEnd));
                openWeek = weekEnd;
            } else {
                closed.add(close(RuleWindow.MONTH, months, openMonth, monthEnd));
                openMonth = monthEnd;
            }
        }
        return closed;
    }

    private ClosedWindow close(RuleWindow window, TreeMap<LocalDate, Map<String, PersonTally>> tallies,
                               LocalDate start, LocalDate end) {
        Map<String, PersonTally> people = tallies.computeIfAbsent(start, unused -> new HashMap<>());
        while (tallies.size() > CLOSED_KEPT + 1) {
            tallies.pollFirstEntry();
        }
        Instant startInstant = start.atStartOfDay(zone).toInstant();
        return new ClosedWindow(window, start, window.keyOf(startInstant, zone), end.atStartOfDay(zone).toInstant(),
                people);
    }

    /** Counts a priced or unpriced call; false when its time is in a closed window (late, counted nowhere). */
    public boolean spend(String personRef, Instant time, long position, long costUsdMicros, long input, long output,
                         long cacheRead, long cacheWrite, long reasoning, String model) {
        ZonedDateTime local = time.atZone(zone);
        long hourKey = local.toLocalDate().toEpochDay() * 24 + local.getHour();
        List<PersonTally> tallies = open(personRef, local.toLocalDate());
        if (tallies.isEmpty()) {
            return false;
        }
        tallies.forEach(tally -> tally.spend(position, costUsdMicros, input, output, cacheRead, cacheWrite,
                reasoning, model, hourKey));
        LocalDate week = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = lastActiveWeek.get(personRef);
        if (last == null || week.isAfter(last)) {
            int streak = last != null && last.plusWeeks(1).equals(week) ? activeWeekStreak.get(personRef) + 1 : 1;
            activeWeekStreak.put(personRef, streak);
            lastActiveWeek.put(personRef, week);
        }
        return true;
    }

    /** Adds a re-pricing's cost difference to the windows of the original spend, where still open. */
    public void repriced(String personRef, Instant time, long position, long costDeltaUsdMicros) {
        open(personRef, time.atZone(zone).toLocalDate()).forEach(tally -> tally.repriced(position,
                costDeltaUsdMicros));
    }

    /** Counts merged pull requests; false when late. */
    public boolean merged(String personRef, Instant time, long position, long pullRequests, boolean aiAssisted) {
        List<PersonTally> tallies = open(personRef, time.atZone(zone).toLocalDate());
        tallies.forEach(tally -> tally.merged(position, pullRequests, aiAssisted));
        return !tallies.isEmpty();
    }

    /** The week's, the month's and the all-time tally of the person on {@code date}, or none when it is late. */
    private List<PersonTally> open(String personRef, LocalDate date) {
        LocalDate week = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate month = date.withDayOfMonth(1);
        if (openWeek == null || week.isBefore(openWeek) || month.isBefore(openMonth)) {
            return List.of();
        }
        return List.of(weeks.computeIfAbsent(week, unused -> new HashMap<>())
                        .computeIfAbsent(personRef, unused -> new PersonTally()),
                months.computeIfAbsent(month, unused -> new HashMap<>())
                        .computeIfAbsent(personRef, unused -> new PersonTally()),
                allTime.computeIfAbsent(personRef, unused -> new PersonTally()));
    }

    /** The person's tally in the window of {@code kind} containing {@code time}; null when none. */
    @Nullable
    public PersonTally tally(RuleWindow kind, String personRef, Instant time) {
        LocalDate date = time.atZone(zone).toLocalDate();
        return switch (kind) {
            case ALL_TIME -> allTime.get(personRef);
            case ISO_WEEK -> weeks.getOrDefault(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    Map.of()).get(personRef);
            case MONTH -> months.getOrDefault(date.withDayOfMonth(1), Map.of()).get(personRef);
        };
    }

    /** The window of the same kind before {@code closed}, if still kept: a person's norm before it. */
    public Map<String, PersonTally> windowBefore(ClosedWindow closed) {
        TreeMap<LocalDate, Map<String, PersonTally>> tallies = closed.window() == RuleWindow.MONTH ? months : weeks;
        LocalDate before = closed.window() == RuleWindow.MONTH ? closed.start().minusMonths(1)
                : closed.start().minusWeeks(1);
        return tallies.getOrDefault(before, Map.of());
    }

    /** ISO weeks in a row, up to the person's last active week, with spend. */
    public int activeWeekStreak(String personRef) {
        return activeWeekStreak.getOrDefault(personRef, 0);
    }
}
