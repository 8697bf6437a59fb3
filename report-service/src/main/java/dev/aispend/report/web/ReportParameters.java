package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.AsOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.List;

/**
 * The parameters reports share, each checked into a list of problems so that one 400 names every bad one:
 * {@code asOf}, {@code format}, a required range ({@link ReportRange}) or an optional one defaulting to the
 * month of the ledger clock ({@link ReportDays}), and a team filter.
 */
public final class ReportParameters {
    private ReportParameters() {
    }

    /** {@code asOf} parsed, its problem (if any) added to the others; the latest position then. */
    public static AsOf asOf(@Nullable String asOf, List<FieldError> errors) {
        try {
            return AsOf.parse(asOf);
        } catch (AsOf.InvalidAsOfException invalid) {
            errors.addAll(invalid.errors());
            return AsOf.LATEST;
        }
    }

    /** Whether the caller asked for CSV ({@code format} or Accept), a bad {@code format} added to the others. */
    public static boolean wantsCsv(HttpRequest<?> request, @Nullable String format, List<FieldError> errors) {
        try {
            return ReportFormats.wantsCsv(request, format);
        } catch (InvalidReportRequestException invalid) {
            errors.addAll(invalid.errors());
            return false;
        }
    }

    /** {@code format} checked, its problem (if any) added to the others. */
    public static void checkFormat(HttpRequest<?> request, @Nullable String format, List<FieldError> errors) {
        wantsCsv(request, format, errors);
    }

    /** The required {@code from}/{@code to} range, or null with its problems added to the others. */
    @Nullable
    public static ReportRange range(@Nullable String from, @Nullable String to, int maxRangeDays,
                                    List<FieldError> errors) {
        try {
            return ReportRange.parse(from, to, maxRangeDays);
        } catch (ReportRange.InvalidRangeException invalid) {
            errors.addAll(invalid.errors());
            return null;
        }
    }

    /**
     * The optional {@code from}/{@code to} range: null when neither is given (the month of the ledger clock then,
     * {@link ReportDays#orDefault}) or when it is bad, its problems added to the others.
     */
    @Nullable
    public static ReportDays optionalRange(@Nullable String from, @Nullable String to, int maxRangeDays,
                                           List<FieldError> errors) {
        return ReportDays.parse(from, to, maxRangeDays, errors);
    }

    /** The team filter: null when absent; blank or over 200 characters is a problem added to the others. */
    @Nullable
    public static String team(@Nullable String team, List<FieldError> errors) {
        return filter("team", team, 200, errors);
    }

    /** An equality filter: null when absent; blank or over {@code maxLength} characters is a problem. */
    @Nullable
    public static String filter(String name, @Nullable String value, int maxLength, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > maxLength) {
            errors.add(new FieldError(name, "must be 1 to " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    /** One 400 naming every problem found, if any. */
    public static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidReportRequestException("invalid report request", errors);
        }
    }
}
