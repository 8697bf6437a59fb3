package dev.aispend.ledger.replay;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/** A replay request that cannot be run as asked; answered 400 with every reason, each naming its field. */
final class InvalidReplayException extends RuntimeException {
    private final transient List<FieldError> errors;

    InvalidReplayException(List<FieldError> errors) {
        super("invalid replay request: " + errors);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
