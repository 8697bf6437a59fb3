package dev.aispend.ingest.usage;

import java.util.List;

/** A submission that breaks at least one rule; nothing of it is published. */
public final class InvalidSubmissionException extends RuntimeException {
    private final transient List<FieldViolation> violations;

    public InvalidSubmissionException(List<FieldViolation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid submission names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        return violations.stream().map(violation -> violation.field() + ": " + violation.message())
                .reduce((left, right) -> left + "; " + right).orElse("invalid submission");
    }
}
