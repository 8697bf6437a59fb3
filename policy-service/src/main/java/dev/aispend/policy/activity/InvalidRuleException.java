package dev.aispend.policy.activity;

import dev.aispend.platform.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule content (a phase, a badge rule, an anomaly rule) that breaks at least one rule of its kind. Every problem
 * is reported at once, each naming its JSON path ({@code automatic.adoptionPercent}, {@code tiers.DIAMOND},
 * {@code offHours}), so an author fixes a rule in one round; the API answers them as problem details.
 */
public final class InvalidRuleException extends RuntimeException {
    /** Enough to fix a rule, small enough to send back, whatever number of unknown fields a client sends. */
    public static final int MAX_REPORTED_PROBLEMS = 100;
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidRuleException(List<FieldError> errors) {
        super(errors.stream().limit(MAX_REPORTED_PROBLEMS).map(error -> error.field() + ": " + error.message())
                .reduce((left, right) -> left + "; " + right).orElse("invalid rule"));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid rule names at least one problem");
        }
        this.errors = bounded(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static List<FieldError> bounded(List<FieldError> errors) {
        if (errors.size() <= MAX_REPORTED_PROBLEMS) {
            return List.copyOf(errors);
        }
        List<FieldError> shown = new ArrayList<>(errors.subList(0, MAX_REPORTED_PROBLEMS));
        shown.add(new FieldError(null, (errors.size() - MAX_REPORTED_PROBLEMS) + " more problems not shown"));
        return List.copyOf(shown);
    }
}
