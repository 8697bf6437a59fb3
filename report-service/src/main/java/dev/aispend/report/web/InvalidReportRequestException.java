package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.ReportRefusal;

import java.util.List;

/** A report request with bad parameters: a 400 naming each one. */
public final class InvalidReportRequestException extends ReportRefusal {

    public InvalidReportRequestException(String message, List<FieldError> errors) {
        super(400, message, errors);
    }

    public static InvalidReportRequestException of(String field, String message) {
        return new InvalidReportRequestException("invalid report request", List.of(new FieldError(field, message)));
    }
}
