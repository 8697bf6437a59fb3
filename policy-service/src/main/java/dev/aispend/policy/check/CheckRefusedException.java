package dev.aispend.policy.check;

import dev.aispend.platform.web.FieldError;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A check that is not answered, and why, naming the fields at fault: 400 for invalid input, 409 for a checkId
 * used before with other content, 422 for a check that cannot be priced. Nothing was reserved or recorded.
 */
public final class CheckRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final transient List<FieldError> errors;

    CheckRefusedException(HttpStatus status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static CheckRefusedException invalid(List<FieldError> errors) {
        return new CheckRefusedException(HttpStatus.BAD_REQUEST,
                "the check is invalid; nothing was reserved or recorded", errors);
    }

    static CheckRefusedException unprocessable(String field, String problem) {
        return new CheckRefusedException(HttpStatus.UNPROCESSABLE_ENTITY,
                "the check cannot be answered; nothing was reserved or recorded",
                List.of(new FieldError(field, problem)));
    }

    /** 503: the rules or spend the check would weigh are too far behind the ledger to trust. */
    static CheckRefusedException behindTheLedger(String problem) {
        return new CheckRefusedException(HttpStatus.SERVICE_UNAVAILABLE,
                "policy-service is behind the ledger; nothing was reserved or recorded: retry shortly",
                List.of(new FieldError(null, problem)));
    }

    static CheckRefusedException checkIdTaken(String checkId) {
        return new CheckRefusedException(HttpStatus.CONFLICT, "checkId " + checkId
                + " was used for another check; use a new checkId for a new check",
                List.of(new FieldError("checkId", "was used before with other content")));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
