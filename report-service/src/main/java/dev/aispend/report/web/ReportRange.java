package dev.aispend.report.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The from/to query parameters of a report, checked: both ISO dates, from not after to, span bounded. */
record ReportRange(LocalDate from, LocalDate to) {

    /** Thrown with every problem found, each naming its parameter. */
    static final class InvalidRangeException extends RuntimeException {
        private final transient List<Map<String, String>> errors;

        InvalidRangeException(List<Map<String, String>> errors) {
            super("invalid report range");
            this.errors = List.copyOf(errors);
        }

        List<Map<String, String>> errors() {
            return errors;
        }
    }

    static ReportRange parse(String from, String to, int maxRangeDays) {
        List<Map<String, String>> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        if (fromDate != null && toDate != null) {
            if (fromDate.isAfter(toDate)) {
                errors.add(Map.of("field", "from", "message", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) + 1 > maxRangeDays) {
                errors.add(Map.of("field", "to", "message", "the range may cover at most " + maxRangeDays + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRangeException(errors);
        }
        return new ReportRange(fromDate, toDate);
    }

    private static LocalDate date(String name, String value, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            errors.add(Map.of("field", name, "message", "is required (an ISO date such as 2026-11-01)"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException unparsable) {
            errors.add(Map.of("field", name, "message", "must be an ISO date such as 2026-11-01"));
            return null;
        }
    }
}
