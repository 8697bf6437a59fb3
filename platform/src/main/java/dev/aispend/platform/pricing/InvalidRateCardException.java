package dev.aispend.platform.pricing;

import java.util.List;
import java.util.Objects;

/**
 * Rate card content that breaks at least one rule. Every problem is reported at once, each naming its JSON path
 * ({@code provider}, {@code models[2].outputUsdMicrosPerMillionTokens}), so an author fixes a card in one round.
 */
public final class InvalidRateCardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidRateCardException(List<Problem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid rate card names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return problems.stream().map(problem -> problem.field() + ": " + problem.message())
                .reduce((left, right) -> left + "; " + right).orElse("invalid rate card");
    }

    /** One broken rule: {@code field} is the JSON path ({@code $} for the content itself). */
    public record Problem(String field, String message) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }
}
