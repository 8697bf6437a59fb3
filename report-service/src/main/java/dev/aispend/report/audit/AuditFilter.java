package dev.aispend.report.audit;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.web.ReportParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of an audit list: equality on {@code kind}, {@code policyId} and (decisions) {@code subject}; the
 * UTC days {@code from} and {@code to} (both included, either may be left out) on when the entry happened; and
 * the page. Every bad parameter is named in one 400.
 */
record AuditFilter(Map<String, String> equal, @Nullable LocalDate from, @Nullable LocalDate to, AuditPage page) {

    static AuditFilter parse(HttpParameters parameters, Set<String> fields, int maxPageSize) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> equal = new LinkedHashMap<>();
        for (String field : fields) {
            String value = ReportParameters.filter(field, parameters.get(field), 300, errors);
            if (value != null) {
                equal.put(field, value);
            }
        }
        LocalDate from = day("from", parameters.get("from"), errors);
        LocalDate to = day("to", parameters.get("to"), errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        AuditPage page = AuditPage.parse(parameters.get("limit"), parameters.get("offset"), maxPageSize, errors);
        ReportParameters.rejectIfAny(errors);
        return new AuditFilter(Map.copyOf(equal), from, to, page);
    }

    /** The first instant counted ({@code from} at 00:00 UTC), or null. */
    @Nullable
    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant no longer counted (the day after {@code to} at 00:00 UTC), or null. */
    @Nullable
    Instant toExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The filters as asked, for the answer. */
    Map<String, String> asked() {
        Map<String, String> asked = new LinkedHashMap<>(new java.util.TreeMap<>(equal));
        if (from != null) {
            asked.put("from", from.toString());
        }
        if (to != null) {
            asked.put("to", to.toString());
        }
        return asked;
    }

    @Nullable
    private static LocalDate day(String name, @Nullable String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException unparsable) {
            errors.add(new FieldError(name, "must be an ISO date such as 2026-10-01 (a UTC day, included)"));
            return null;
        }
    }
}
