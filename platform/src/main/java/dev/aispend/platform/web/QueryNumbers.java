package dev.aispend.platform.web;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Whole-number query parameters (page limits, offsets) read within bounds, every problem named by field. */
public final class QueryNumbers {
    private QueryNumbers() {
    }

    /**
     * {@code text} as a whole number within {@code min..max}; {@code absent} when it is not given, and also when it
     * is not such a number, after adding a {@link FieldError} naming {@code field} to {@code violations}.
     */
    public static long within(String field, @Nullable String text, long absent, long min, long max,
                              List<FieldError> violations) {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the range.
        }
        violations.add(new FieldError(field, "must be a whole number within " + min + ".." + max));
        return absent;
    }
}
