package dev.aispend.platform.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a {@code BUDGET} policy: what the API takes and what the ledger records, with defaults filled
 * in before recording.
 * <pre>{"name": "Platform monthly", "scope": {"team": "platform"},
 *  "period": {"unit": "MONTH", "timeZone": "Europe/Berlin"},
 *  "amountUsdMicros": 5000000000, "softThresholdsPercent": [50, 80, 100],
 *  "hardCap": true, "forecastAlert": true, "active": true}</pre>
 */
public final class BudgetContent {
    static final String NAME = "name";
    static final String SCOPE = "scope";
    static final String PERIOD = "period";
    static final String AMOUNT = "amountUsdMicros";
    static final String THRESHOLDS = "softThresholdsPercent";
    static final String HARD_CAP = "hardCap";
    static final String FORECAST_ALERT = "forecastAlert";
    static final String ACTIVE = "active";
    static final String COST_CENTER = "costCenter";
    static final String TEAM = "team";
    static final String PERSON_REF = "personRef";
    static final String PURPOSE = "purpose";
    static final String MODEL = "model";
    static final String UNIT = "unit";
    static final String TIME_ZONE = "timeZone";

    private BudgetContent() {
    }

    /**
     * Validates budget content as a JSON decoder hands it over and refuses it with every problem, each naming its
     * JSON path, in an {@link InvalidBudgetException}. The rules:
     * <ul>
     * <li>{@code name} (required): 1..128 characters, no control characters, no surrounding whitespace.</li>
     * <li>{@code scope} (required; {@code {}} is the whole organization): any of costCenter, team, personRef,
     *     purpose, model, each a string under the name rule (it must equal what spend carries, exactly).</li>
     * <li>{@code period} (required): {@code unit} (required) MONTH, QUARTER or YEAR; {@code timeZone} an IANA
     *     region id, default {@code UTC}; raw offsets are refused ({@link BudgetPeriod} says why).</li>
     * <li>{@code amountUsdMicros} (required): a whole number 1..10^15 (one billion dollars).</li>
     * <li>{@code softThresholdsPercent} (default []): at most 10 whole numbers 1..100, ascending, distinct.</li>
     * <li>{@code hardCap}, {@code forecastAlert} (default false), {@code active} (default true): booleans.</li>
     * </ul>
     * Numbers must be JSON numbers: strings, booleans and fractions are refused, never coerced. An explicit
     * {@code null} is refused everywhere (leave a field out to get its default, or to match anything in a
     * scope), so a client's null never silently means something. Unknown fields are refused at every level: a
     * misspelt {@code hardcap} must not pass as "no hard cap".
     */
    public static BudgetDefinition parse(Map<String, Object> content) {
        return BudgetContentParser.parse(content);
    }

    /**
     * The canonical content of a definition, every default written out, fields in a fixed order and scope
     * without the fields it leaves open; {@link #parse} reads it back to an equal definition.
     */
    public static Map<String, Object> toContent(BudgetDefinition definition) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(NAME, definition.name());
        content.put(SCOPE, scopeContent(definition.scope()));
        Map<String, Object> period = new LinkedHashMap<>();
        period.put(UNIT, definition.period().unit().name());
        period.put(TIME_ZONE, definition.period().timeZone());
        content.put(PERIOD, period);
        content.put(AMOUNT, definition.amountUsdMicros());
        content.put(THRESHOLDS, List.copyOf(definition.softThresholdsPercent()));
        content.put(HARD_CAP, definition.hardCap());
        content.put(FORECAST_ALERT, definition.forecastAlert());
        content.put(ACTIVE, definition.active());
        return content;
    }

    private static Map<String, Object> scopeContent(BudgetScope scope) {
        Map<String, Object> content = new LinkedHashMap<>();
        putIfGiven(content, COST_CENTER, scope.costCenter());
        putIfGiven(content, TEAM, scope.team());
        putIfGiven(content, PERSON_REF, scope.personRef());
        putIfGiven(content, PURPOSE, scope.purpose());
        putIfGiven(content, MODEL, scope.model());
        return content;
    }

    private static void putIfGiven(Map<String, Object> content, String field, String value) {
        if (value != null) {
            content.put(field, value);
        }
    }
}
