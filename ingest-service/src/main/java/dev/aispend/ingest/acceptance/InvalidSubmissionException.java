package dev.aispend.ingest.acceptance;

import dev.aispend.platform.web.FieldError;
import java.util.List;

/** A submission that breaks at least one rule; nothing of it is published. */
public final class InvalidSubmissionException extends RuntimeException {
    private final transient List<FieldError> violations;

    public InvalidSubmissionException(List<FieldError> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid submission names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldError> violations() {
        return violations;
    }

    private static String summary(List<FieldError> violations) {
        return violations.stream().map(violation -> violation.field() + ": " + violation.message())
                .reduce((left, right) -> left + "; " + right).orElse("invalid submission");
    }
}
