package dev.aispend.ledger.repricing;

import dev.aispend.platform.web.FieldError;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A re-pricing that is not done, and why; thrown inside the appending transaction it rolls back everything, so
 * a refused re-pricing never leaves a partial correction behind.
 */
final class RepricingRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final transient List<FieldError> errors;

    RepricingRefusedException(HttpStatus status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static RepricingRefusedException badRequest(String field, String problem) {
        return new RepricingRefusedException(HttpStatus.BAD_REQUEST,
                "the re-pricing request was refused; nothing was recorded", List.of(new FieldError(field, problem)));
    }

    HttpStatus status() {
        return status;
    }

    List<FieldError> errors() {
        return errors;
    }
}
