package dev.aispend.report.readmodel;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/**
 * A report request refused for a reason the caller can act on: the HTTP status, the sentence of the problem
 * details, and the parameters it names. One handler (web/ReportErrorHandlers) answers every kind the same way.
 */
public abstract class ReportRefusal extends RuntimeException {
    private final int status;
    private final String detail;
    private final transient List<FieldError> errors;

    protected ReportRefusal(int status, String message, String detail, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    protected ReportRefusal(int status, String message, List<FieldError> errors) {
        this(status, message, message, errors);
    }

    public int status() {
        return status;
    }

    /** The problem's sentence (the exception's message unless a kind says otherwise). */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
