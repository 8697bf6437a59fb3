package dev.aispend.policy.activity;

import dev.aispend.platform.web.FieldError;
import dev.aispend.platform.budget.BudgetNames;
import dev.aispend.platform.budget.BudgetPeriod;
import dev.aispend.platform.budget.ContentNumber;
import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the fields of one rule's content (phase, badge rule, anomaly rule) and collects every problem, each named
 * by its JSON path ({@code prefix + field}), before {@link #refuseIfAny()} refuses them all at once. The rules are
 * those budgets follow, so every kind of policy reads alike: numbers are JSON numbers, whole and in range (never
 * a string or a boolean coerced, see {@link ContentNumber}); an explicit {@code null} is refused where a field
 * may only be left out; names follow {@link BudgetNames}; time zones are IANA region ids ({@link BudgetPeriod});
 * unknown fields are refused, so a misspelt field never passes as its default.
 */
public final class RuleContentReader {
    public static final String DEFAULT_TIME_ZONE = BudgetPeriod.DEFAULT_TIME_ZONE;

    private final List<FieldError> problems = new ArrayList<>();

    /** The content as the decoder handed it over, refused at once when there is no object to read. */
    public static Map<?, ?> content(@Nullable Map<String, Object> content, String what) {
        if (content == null) {
            throw new InvalidRuleException(List.of(new FieldError(null, what + " is a JSON object")));
        }
        return content;
    }

    public void unknownFields(Map<?, ?> fields, Set<String> known, String prefix, String what) {
        for (Object field : fields.keySet()) {
            if (!known.contains(field)) {
                problem(prefix + field, "is not a field of " + what);
            }
        }
    }

    /** A name under {@link BudgetNames}' rule; null (with no problem) when optional and left out. */
    @Nullable
    public String name(Map<?, ?> fields, String prefix, String field, int maxLength, boolean required) {
        if (!fields.containsKey(field)) {
            if (required) {
                problem(prefix + field, "is required");
            }
            return null;
        }
        String problem = fields.get(field) instanceof String text ? BudgetNames.problemOf(text, maxLength)
                : required ? "must be a string" : "must be a string (leave it out to leave it open)";
        if (problem != null) {
            problem(prefix + field, problem);
            return null;
        }
        return (String) fields.get(field);
    }

    /** One of {@code allowed} by its name; {@code defaultValue} when left out (required when that is null). */
    @Nullable
    public <E extends Enum<E>> E choice(Map<?, ?> fields, String prefix, String field, Collection<E> allowed,
                                        @Nullable E defaultValue, String note) {
        String names = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
        if (!fields.containsKey(field)) {
            if (defaultValue == null) {
                problem(prefix + field, "is required: one of " + names + note);
            }
            return defaultValue;
        }
        Object value = fields.get(field);
        for (E candidate : allowed) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        problem(prefix + field, "must be one of " + names + note);
        return null;
    }

    /** A whole number within the bounds; {@code defaultValue} when left out (required when that is null). */
    @Nullable
    public Long wholeNumber(Map<?, ?> fields, String prefix, String field, long minimum, long maximum,
                            @Nullable Long defaultValue) {
        if (!fields.containsKey(field)) {
            if (defaultValue == null) {
                problem(prefix + field, "is required: a whole number within " + minimum + ".." + maximum);
            }
            return defaultValue;
        }
        return wholeNumber(fields.get(field), prefix + field, minimum, maximum);
    }

    /** Numbers are shown in BigDecimal's own notation: {@code 1E+1000000000} stays short in the answer. */
    @Nullable
    public Long wholeNumber(@Nullable Object value, String path, long minimum, long maximum) {
        ContentNumber number = ContentNumber.of(value);
        if (number == null) {
            problem(path, "must be a JSON number (a whole number within " + minimum + ".." + maximum + ")");
        } else if (!number.whole()) {
            problem(path, "must be a whole number, was " + number.value());
        } else if (!number.within(minimum, maximum)) {
            problem(path, "must be within " + minimum + ".." + maximum + ", was " + number.value());
        } else {
            return number.longValue();
        }
        return null;
    }

    public boolean flag(Map<?, ?> fields, String prefix, String field, boolean defaultValue) {
        if (!fields.containsKey(field)) {
            return defaultValue;
        }
        if (fields.get(field) instanceof Boolean value) {
            return value;
        }
        problem(prefix + field, "must be true or false");
        return defaultValue;
    }

    /** An IANA region id, UTC when left out; raw offsets are refused as budgets refuse them. */
    @Nullable
    public ZoneId timeZone(Map<?, ?> fields, String prefix, String field) {
        Object value = fields.containsKey(field) ? fields.get(field) : DEFAULT_TIME_ZONE;
        if (value instanceof String zone && BudgetPeriod.isRegionId(zone)) {
            return ZoneId.of(zone);
        }
        problem(prefix + field, "must be an IANA time zone region id such as Europe/Berlin or UTC "
                + "(not an offset such as +02:00)");
        return null;
    }

    /** A nested object; null when left out (a problem when required) or not an object (a problem). */
    @Nullable
    public Map<?, ?> object(Map<?, ?> fields, String prefix, String field, boolean required, String what) {
        if (!fields.containsKey(field)) {
            if (required) {
                problem(prefix + field, "is required: " + what);
            }
        } else if (fields.get(field) instanceof Map<?, ?> nested) {
            return nested;
        } else {
            problem(prefix + field, "must be " + what);
        }
        return null;
    }

    public void problem(String path, String message) {
        problems.add(new FieldError(path, message));
    }

    /** Throws {@link InvalidRuleException} with every problem found so far, if there is one. */
    public void refuseIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
    }
}
