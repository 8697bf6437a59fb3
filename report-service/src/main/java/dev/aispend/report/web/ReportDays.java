package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.ReportSnapshot;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The UTC days (both included) a gamification or anomaly report covers. {@code from} and {@code to} are optional
 * there: both absent means the UTC calendar month of the ledger clock at the report's position (never the wall
 * clock, so the same position always answers the same range); one without the other is a 400 naming the missing
 * one.
 *
 * <p>Decisions are placed in the range by the instant they are dated at: after the start of {@code from} and at or
 * before the end of {@code to}. A window judged when it closes is dated at its end, so October's monthly badges
 * and flags (ending 1 November 00:00) count in October, and a week counts in the range holding its last day.
 * Ranges that follow each other therefore share no decision and miss none.
 */
public record ReportDays(LocalDate from, LocalDate to) {

    public ReportDays {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    /** The range asked for, or null when neither end was given (the default applies); problems go to errors. */
    @Nullable
    public static ReportDays parse(@Nullable String from, @Nullable String to, int maxRangeDays,
                                   List<FieldError> errors) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return null;
        }
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate == null || toDate == null) {
            return null;
        }
        if (fromDate.isAfter(toDate)) {
            errors.add(new FieldError("from", "must not be after to"));
            return null;
        }
        if (ChronoUnit.DAYS.between(fromDate, toDate) + 1 > maxRangeDays) {
            errors.add(new FieldError("to", "the range may cover at most " + maxRangeDays + " days"));
            return null;
        }
        return new ReportDays(fromDate, toDate);
    }

    /**
     * {@code asked}, or the UTC month of the ledger clock at the snapshot's position (the ledger's own time, else
     * when the entry at the position was recorded; the month of 1970-01-01 for an empty ledger).
     */
    public static ReportDays orDefault(@Nullable ReportDays asked, ReportSnapshot snapshot) {
        if (asked != null) {
            return asked;
        }
        Instant clock = snapshot.ledgerClock();
        if (clock == null) {
            clock = snapshot.asOfRecordedAt();
        }
        return monthOf(clock == null ? LocalDate.EPOCH : LocalDate.ofInstant(clock, ZoneOffset.UTC));
    }

    public static ReportDays monthOf(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        return new ReportDays(first, first.plusMonths(1).minusDays(1));
    }

    /** Decisions dated after this instant belong to the range (the start of {@code from}, excluded). */
    public Instant decidedAfter() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Decisions dated at or before this instant belong to the range (the end of {@code to}, included). */
    public Instant decidedUpTo() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean holds(Instant decidedAt) {
        return decidedAt.isAfter(decidedAfter()) && !decidedAt.isAfter(decidedUpTo());
    }

    private static LocalDate date(String name, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required with the other end of the range (an ISO date such as "
                    + "2026-11-01); leave both out for the month of the ledger clock"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException unparsable) {
            errors.add(new FieldError(name, "must be an ISO date such as 2026-11-01"));
            return null;
        }
    }
}
