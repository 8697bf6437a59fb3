package dev.aispend.platform.budget;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * The rule for a budget's name and for the names in its scope (team, person, purpose...): 1..128 characters, no
 * control characters, no surrounding whitespace. Scope values are compared exactly with the names spend carries,
 * so a value with a stray space or newline would silently never match; a name is shown to people, so the same
 * rule keeps it printable.
 */
public final class BudgetNames {
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");

    private BudgetNames() {
    }

    /** Why {@code text} is not a valid name (a phrase to follow the field's path), or null when it is. */
    @Nullable
    static String problemOf(String text) {
        return problemOf(text, BudgetDefinition.MAX_NAME_LENGTH);
    }

    /** The same rule with another length limit, for the names of other kinds of policy (badges, teams). */
    @Nullable
    public static String problemOf(String text, int maxLength) {
        if (text.isEmpty()) {
            return "must not be empty";
        }
        if (text.length() > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        if (!text.strip().equals(text)) {
            return "must not start or end with whitespace";
        }
        if (CONTROL_CHARACTER.matcher(text).find()) {
            return "must not contain control characters";
        }
        return null;
    }
}
