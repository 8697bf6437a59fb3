package dev.aispend.report.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What spend and outcomes can be grouped and filtered by: the period of the UTC day of use, and each recorded
 * attribute. Each read model says which it has ({@link CubeTable}).
 */
public enum Dimension {
    DAY("day", "day"),
    WEEK("week", "date_trunc('week', day)::date"),
    MONTH("month", "date_trunc('month', day)::date"),
    TEAM("team", "team"),
    COST_CENTER("costCenter", "cost_center"),
    PERSON("personRef", "person_ref"),
    MODEL("model", "model"),
    PROVIDER("provider", "provider"),
    PURPOSE("purpose", "purpose"),
    SOURCE("source", "source"),
    OUTCOME_KIND("kind", "kind"),
    AI_ASSISTANCE("aiAssistance", "ai_assistance");

    private final String parameter;
    private final String expression;

    Dimension(String parameter, String expression) {
        this.parameter = parameter;
        this.expression = expression;
    }

    /** The name in query parameters and in the JSON and CSV of a report. */
    public String parameter() {
        return parameter;
    }

    /** The SQL expression over the daily and line tables (fixed text, never from input). */
    String expression() {
        return expression;
    }

    public boolean isPeriod() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    public static Optional<Dimension> byParameter(String parameter) {
        String wanted = parameter.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(dimension -> dimension.parameter.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
