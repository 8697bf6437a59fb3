package dev.aispend.platform.budget;

import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.aispend.platform.budget.BudgetContent.ACTIVE;
import static dev.aispend.platform.budget.BudgetContent.AMOUNT;
import static dev.aispend.platform.budget.BudgetContent.COST_CENTER;
import static dev.aispend.platform.budget.BudgetContent.FORECAST_ALERT;
import static dev.aispend.platform.budget.BudgetContent.HARD_CAP;
import static dev.aispend.platform.budget.BudgetContent.MODEL;
import static dev.aispend.platform.budget.BudgetContent.NAME;
import static dev.aispend.platform.budget.BudgetContent.PERIOD;
import static dev.aispend.platform.budget.BudgetContent.PERSON_REF;
import static dev.aispend.platform.budget.BudgetContent.PURPOSE;
import static dev.aispend.platform.budget.BudgetContent.SCOPE;
import static dev.aispend.platform.budget.BudgetContent.TEAM;
import static dev.aispend.platform.budget.BudgetContent.THRESHOLDS;
import static dev.aispend.platform.budget.BudgetContent.TIME_ZONE;
import static dev.aispend.platform.budget.BudgetContent.UNIT;

/**
 * Reads budget content into a {@link BudgetDefinition}, collecting every problem before refusing, so one answer
 * names all of them. The rules are documented on {@link BudgetContent#parse}. One parser per content: it collects.
 */
final class BudgetContentParser {
    /** Enough to fix a budget, small enough to send back, whatever number of unknown fields a client sends. */
    static final int MAX_REPORTED_PROBLEMS = 100;

    private static final Set<String> BUDGET_FIELDS = Set.of(NAME, SCOPE, PERIOD, AMOUNT, THRESHOLDS, HARD_CAP,
            FORECAST_ALERT, ACTIVE);
    private static final Set<String> SCOPE_FIELDS = Set.of(COST_CENTER, TEAM, PERSON_REF, PURPOSE, MODEL);
    private static final Set<String> PERIOD_FIELDS = Set.of(UNIT, TIME_ZONE);

    private final List<FieldError> problems = new ArrayList<>();

    private BudgetContentParser() {
    }

    static BudgetDefinition parse(@Nullable Map<String, Object> content) {
        return new BudgetContentParser().budget(content);
    }

    private BudgetDefinition budget(@Nullable Map<String, Object> content) {
        if (content == null) {
            throw new InvalidBudgetException(List.of(new FieldError(null, "a budget is a JSON object")));
        }
        unknownFields(content, BUDGET_FIELDS, "", "a budget");
        String name = name(content, NAME, NAME, true);
        BudgetScope scope = scope(content);
        BudgetPeriod period = period(content);
        Long amount = amount(content);
        List<Integer> thresholds = thresholds(content);
        boolean hardCap = flag(content, HARD_CAP, false);
        boolean forecastAlert = flag(content, FORECAST_ALERT, false);
        boolean active = flag(content, ACTIVE, true);
        if (!problems.isEmpty()) {
            throw new InvalidBudgetException(capped());
        }
        return new BudgetDefinition(name, scope, period, amount, thresholds, hardCap, forecastAlert, active);
    }

    @Nullable
    private BudgetScope scope(Map<?, ?> content) {
        Map<?, ?> fields = object(content, SCOPE, "an object of costCenter, team, personRef, purpose, model "
                + "({} for the whole organization)");
        if (fields == null) {
            return null;
        }
        unknownFields(fields, SCOPE_FIELDS, SCOPE + ".", "a budget scope");
        return new BudgetScope(name(fields, COST_CENTER, SCOPE + "." + COST_CENTER, false),
                name(fields, TEAM, SCOPE + "." + TEAM, false),
                name(fields, PERSON_REF, SCOPE + "." + PERSON_REF, false),
                name(fields, PURPOSE, SCOPE + "." + PURPOSE, false),
                name(fields, MODEL, SCOPE + "." + MODEL, false));
    }

    @Nullable
    private BudgetPeriod period(Map<?, ?> content) {
        Map<?, ?> fields = object(content, PERIOD, "an object: {\"unit\": \"MONTH\", \"timeZone\": \"UTC\"}");
        if (fields == null) {
            return null;
        }
        unknownFields(fields, PERIOD_FIELDS, PERIOD + ".", "a budget period");
        PeriodUnit unit = unit(fields);
        String timeZone = timeZone(fields);
        return unit == null || timeZone == null ? null : new BudgetPeriod(unit, timeZone);
    }

    @Nullable
    private PeriodUnit unit(Map<?, ?> period) {
        String path = PERIOD + "." + UNIT;
        if (!period.containsKey(UNIT)) {
            problem(path, "is required: MONTH, QUARTER or YEAR");
            return null;
        }
        Object value = period.get(UNIT);
        for (PeriodUnit unit : PeriodUnit.values()) {
            if (unit.name().equals(value)) {
                return unit;
            }
        }
        problem(path, "must be MONTH, QUARTER or YEAR");
        return null;
    }

    @Nullable
    private String timeZone(Map<?, ?> period) {
        if (!period.containsKey(TIME_ZONE)) {
            return BudgetPeriod.DEFAULT_TIME_ZONE;
        }
        Object value = period.get(TIME_ZONE);
        if (value instanceof String zone && BudgetPeriod.isRegionId(zone)) {
            return zone;
        }
        problem(PERIOD + "." + TIME_ZONE, "must be an IANA time zone region id such as Europe/Berlin or UTC "
                + "(not an offset such as +02:00)");
        return null;
    }

    @Nullable
    private Long amount(Map<?, ?> content) {
        if (!content.containsKey(AMOUNT)) {
            problem(AMOUNT, "is required: the budget in integer USD micros");
            return null;
        }
        return wholeNumber(content.get(AMOUNT), AMOUNT, 1, BudgetDefinition.MAX_AMOUNT_USD_MICROS,
                "USD micros");
    }

    @Nullable
    private List<Integer> thresholds(Map<?, ?> content) {
        if (!content.containsKey(THRESHOLDS)) {
            return List.of();
        }
        if (!(content.get(THRESHOLDS) instanceof List<?> values)) {
            problem(THRESHOLDS, "must be an array of whole percentages 1..100");
            return null;
        }
        if (values.size() > BudgetDefinition.MAX_SOFT_THRESHOLDS) {
            // Not read element by element: the size alone refuses it, and bounds the work.
            problem(THRESHOLDS, "may list at most " + BudgetDefinition.MAX_SOFT_THRESHOLDS + " thresholds, had "
                    + values.size());
            return null;
        }
        List<Integer> thresholds = new ArrayList<>();
        // The highest percent so far; null after a bad element, whose own problem is named: the next one's
        // order cannot be judged against it.
        Long highest = 0L;
        for (int index = 0; index < values.size(); index++) {
            String path = THRESHOLDS + "[" + index + "]";
            Long percent = wholeNumber(values.get(index), path, 1, 100, "percent");
            if (percent == null) {
                highest = null;
            } else if (highest != null && percent <= highest) {
                problem(path, "must be greater than every threshold before it (ascending, distinct), was "
                        + percent);
            } else {
                thresholds.add(percent.intValue());
                highest = percent;
            }
        }
        return thresholds;
    }

    private boolean flag(Map<?, ?> content, String field, boolean defaultValue) {
        if (!content.containsKey(field)) {
            return defaultValue;
        }
        if (content.get(field) instanceof Boolean value) {
            return value;
        }
        problem(field, "must be true or false");
        return defaultValue;
    }

    /** Numbers are shown in BigDecimal's own notation: {@code 1E+1000000000} stays short, a plain string would not. */
    @Nullable
    private Long wholeNumber(@Nullable Object value, String path, long minimum, long maximum, String unit) {
        ContentNumber number = ContentNumber.of(value);
        if (number == null) {
            problem(path, "must be a JSON number (" + unit + ")");
        } else if (!number.whole()) {
            problem(path, "must be a whole number of " + unit + ", was " + number.value());
        } else if (!number.within(minimum, maximum)) {
            problem(path, "must be within " + minimum + ".." + maximum + ", was " + number.value());
        } else {
            return number.longValue();
        }
        return null;
    }

    @Nullable
    private Map<?, ?> object(Map<?, ?> content, String field, String what) {
        if (!content.containsKey(field)) {
            problem(field, "is required: " + what);
        } else if (content.get(field) instanceof Map<?, ?> fields) {
            return fields;
        } else {
            problem(field, "must be " + what);
        }
        return null;
    }

    @Nullable
    private String name(Map<?, ?> fields, String field, String path, boolean required) {
        if (!fields.containsKey(field)) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (!(fields.get(field) instanceof String text)) {
            problem(path, required ? "must be a string" : "must be a string (leave it out to match anything)");
            return null;
        }
        String problem = BudgetNames.problemOf(text);
        if (problem != null) {
            problem(path, problem);
            return null;
        }
        return text;
    }

    private void unknownFields(Map<?, ?> fields, Set<String> known, String pathPrefix, String what) {
        for (Object field : fields.keySet()) {
            if (!known.contains(field)) {
                problem(pathPrefix + field, "is not a field of " + what);
            }
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldError(field, message));
    }

    private List<FieldError> capped() {
        if (problems.size() <= MAX_REPORTED_PROBLEMS) {
            return problems;
        }
        List<FieldError> first = new ArrayList<>(problems.subList(0, MAX_REPORTED_PROBLEMS));
        first.add(new FieldError(null, (problems.size() - MAX_REPORTED_PROBLEMS) + " more problems not shown"));
        return first;
    }
}
