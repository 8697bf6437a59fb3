package dev.aispend.policy.changes;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/** A policy request refused before anything was sent: every problem, each naming its field. */
public class InvalidPolicyException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidPolicyException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
