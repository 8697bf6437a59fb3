package dev.aispend.report.gamification;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.AsOf;
import dev.aispend.report.web.InvalidReportRequestException;
import dev.aispend.report.web.ReportFormats;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.List;

/** The common parameters checked so that one 400 names every bad one, asOf and format included. */
public final class ReportParameters {
    private ReportParameters() {
    }

    /** {@code asOf} parsed, its problem (if any) added to the others. */
    public static AsOf asOf(@Nullable String asOf, List<FieldError> errors) {
        try {
            return AsOf.parse(asOf);
        } catch (AsOf.InvalidAsOfException invalid) {
            errors.addAll(invalid.errors());
            return AsOf.LATEST;
        }
    }

    /** {@code format} checked, its problem (if any) added to the others. */
    public static void checkFormat(HttpRequest<?> request, @Nullable String format, List<FieldError> errors) {
        try {
            ReportFormats.wantsCsv(request, format);
        } catch (InvalidReportRequestException invalid) {
            errors.addAll(invalid.errors());
        }
    }
}
