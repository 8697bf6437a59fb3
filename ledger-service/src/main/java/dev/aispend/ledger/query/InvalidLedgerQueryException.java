package dev.aispend.ledger.query;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/** Thrown with every problem found in a query's parameters, each naming its parameter. */
public final class InvalidLedgerQueryException extends RuntimeException {
    private final transient List<FieldError> errors;

    InvalidLedgerQueryException(List<FieldError> errors) {
        super("invalid ledger query: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
