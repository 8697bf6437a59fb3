package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/** A report request with bad parameters: a 400 naming each one. */
public final class InvalidReportRequestException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidReportRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidReportRequestException of(String field, String message) {
        return new InvalidReportRequestException("invalid report request", List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
