package dev.aispend.platform.budget;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/**
 * Budget content that breaks at least one rule. Every problem is reported at once, each naming its JSON path
 * ({@code scope.team}, {@code period.timeZone}, {@code softThresholdsPercent[2]}), so an author fixes a budget in
 * one round; the API answers them as problem details (HTTP 400).
 */
public final class InvalidBudgetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidBudgetException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid budget names at least one problem");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((left, right) -> left + "; " + right).orElse("invalid budget");
    }
}
