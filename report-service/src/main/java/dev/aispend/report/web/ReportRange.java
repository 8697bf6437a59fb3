package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The from/to query parameters of a report, checked: both ISO dates, from not after to, span bounded. */
public record ReportRange(LocalDate from, LocalDate to) {
    /** The days a report can ask for: four-digit years, the range PostgreSQL dates and ISO dates share. */
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** Thrown with every problem found, each naming its parameter. */
    public static final class InvalidRangeException extends RuntimeException {
        private final transient List<FieldError> errors;

        InvalidRangeException(List<FieldError> errors) {
            super("invalid report range");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    public static ReportRange parse(String from, String to, int maxRangeDays) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null) {
            if (fromDate.isAfter(toDate)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) + 1 > maxRangeDays) {
                errors.add(new FieldError("to", "the range may cover at most " + maxRangeDays + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRangeException(errors);
        }
        return new ReportRange(fromDate, toDate);
    }

    private static LocalDate date(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required (an ISO date such as 2026-11-01)"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
                errors.add(new FieldError(name, "must be between " + FIRST_DAY + " and " + LAST_DAY));
                return null;
            }
            return day;
        } catch (DateTimeParseException unparsable) {
            errors.add(new FieldError(name, "must be an ISO date such as 2026-11-01"));
            return null;
        }
    }
}
