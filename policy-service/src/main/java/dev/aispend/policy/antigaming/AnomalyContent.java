package dev.aispend.policy.antigaming;

import dev.aispend.policy.activity.RuleContentReader;
import dev.aispend.policy.activity.RuleWindow;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content of an {@code ANOMALY_RULE} policy: what the API takes and the ledger records, defaults filled. Every
 * kind of rule takes every field, so a rule can change its {@code rule} without losing its settings; each kind
 * reads the ones {@link AnomalyKind} names.
 * <pre>{"name": "Overnight loops", "rule": "OVERNIGHT_IDLE_LOOP", "window": "ISO_WEEK",
 *  "offHours": {"from": "22:00", "to": "06:00"}, "minimumOffHoursCalls": 20, "minimumOffHoursHours": 3,
 *  "minimumNights": 2, "timeZone": "Europe/Berlin"}</pre>
 */
public final class AnomalyContent {
    public static final int MAX_NAME_LENGTH = 100;
    /** The highest count a minimum may ask for: far above any real week's calls or PRs, within an int. */
    public static final long MAX_COUNT = 1_000_000_000L;
    /** One billion dollars, as for budgets. */
    public static final long MAX_SPEND_USD_MICROS = 1_000_000_000_000_000L;
    static final String NAME = "name";
    static final String RULE = "rule";
    static final String WINDOW = "window";
    static final String MINIMUM_SPEND = "minimumSpendUsdMicros";
    static final String MULTIPLE_PERCENT = "multiplePercent";
    static final String MINIMUM_MERGED_PRS = "minimumMergedPrs";
    static final String OFF_HOURS = "offHours";
    static final String FROM = "from";
    static final String TO = "to";
    static final String MINIMUM_OFF_HOURS_CALLS = "minimumOffHoursCalls";
    static final String MINIMUM_OFF_HOURS_HOURS = "minimumOffHoursHours";
    static final String MINIMUM_NIGHTS = "minimumNights";
    static final String MINIMUM_CALLS = "minimumCalls";
    static final String TIME_ZONE = "timeZone";
    static final String ACTIVE = "active";
    static final LocalTime DEFAULT_OFF_HOURS_FROM = LocalTime.of(22, 0);
    static final LocalTime DEFAULT_OFF_HOURS_TO = LocalTime.of(6, 0);
    private static final Set<String> FIELDS = Set.of(NAME, RULE, WINDOW, MINIMUM_SPEND, MULTIPLE_PERCENT,
            MINIMUM_MERGED_PRS, OFF_HOURS, MINIMUM_OFF_HOURS_CALLS, MINIMUM_OFF_HOURS_HOURS, MINIMUM_NIGHTS,
            MINIMUM_CALLS, TIME_ZONE, ACTIVE);
    private static final Set<String> OFF_HOURS_FIELDS = Set.of(FROM, TO);
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private AnomalyContent() {
    }

    /**
     * Validates anomaly rule content and refuses it with every problem, each naming its JSON path, in an
     * {@link dev.aispend.policy.activity.InvalidRuleException}. The rules (defaults in brackets):
     * {@code name} (required, 1..100 characters); {@code rule} (required, an {@link AnomalyKind});
     * {@code window} ISO_WEEK or MONTH [ISO_WEEK]: a flag is judged when its window closes, so never all time;
     * {@code minimumSpendUsdMicros} 0..10^15 [20000000]; {@code multiplePercent} 101..100000 [300]: a multiple of
     * the median of 100 % or less would flag half of everyone; {@code minimumMergedPrs} 1..10^9 [1];
     * {@code offHours} {@code {"from": "HH:mm", "to": "HH:mm"}} [22:00 to 06:00], from and to differ and may wrap
     * midnight; {@code minimumOffHoursCalls} 1..10^9 [20]; {@code minimumOffHoursHours} 1..24 [3];
     * {@code minimumNights} 1..31 [2] (a window holds at most 31 nights); {@code minimumCalls} 1..10^9 [20];
     * {@code timeZone} [UTC]; {@code active} [true].
     */
    public static AnomalyDefinition parse(@Nullable Map<String, Object> content) {
        Map<?, ?> fields = RuleContentReader.content(content, "an anomaly rule");
        RuleContentReader reader = new RuleContentReader();
        reader.unknownFields(fields, FIELDS, "", "an anomaly rule");
        String name = reader.name(fields, "", NAME, MAX_NAME_LENGTH, true);
        AnomalyKind rule = reader.choice(fields, "", RULE, EnumSet.allOf(AnomalyKind.class), null, "");
        RuleWindow window = reader.choice(fields, "", WINDOW, EnumSet.of(RuleWindow.ISO_WEEK, RuleWindow.MONTH),
                RuleWindow.ISO_WEEK, " (a flag is judged when its window closes)");
        Long minimumSpend = reader.wholeNumber(fields, "", MINIMUM_SPEND, 0, MAX_SPEND_USD_MICROS, 20_000_000L);
        Long multiplePercent = reader.wholeNumber(fields, "", MULTIPLE_PERCENT, 101, 100_000, 300L);
        Long minimumMergedPrs = reader.wholeNumber(fields, "", MINIMUM_MERGED_PRS, 1, MAX_COUNT, 1L);
        LocalTime[] offHours = offHours(fields, reader);
        Long offHoursCalls = reader.wholeNumber(fields, "", MINIMUM_OFF_HOURS_CALLS, 1, MAX_COUNT, 20L);
        Long offHoursHours = reader.wholeNumber(fields, "", MINIMUM_OFF_HOURS_HOURS, 1, 24, 3L);
        Long nights = reader.wholeNumber(fields, "", MINIMUM_NIGHTS, 1, 31, 2L);
        Long calls = reader.wholeNumber(fields, "", MINIMUM_CALLS, 1, MAX_COUNT, 20L);
        ZoneId timeZone = reader.timeZone(fields, "", TIME_ZONE);
        boolean active = reader.flag(fields, "", ACTIVE, true);
        reader.refuseIfAny();
        return new AnomalyDefinition(name, rule, window, minimumSpend, multiplePercent.intValue(), minimumMergedPrs,
                offHours[0], offHours[1], offHoursCalls.intValue(), offHoursHours.intValue(), nights.intValue(),
                calls.intValue(), timeZone, active);
    }

    /** The canonical content: every field in a fixed order, times as HH:mm; {@link #parse} reads it back. */
    public static Map<String, Object> toContent(AnomalyDefinition definition) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(NAME, definition.name());
        content.put(RULE, definition.rule().name());
        content.put(WINDOW, definition.window().name());
        content.put(MINIMUM_SPEND, definition.minimumSpendUsdMicros());
        content.put(MULTIPLE_PERCENT, (long) definition.multiplePercent());
        content.put(MINIMUM_MERGED_PRS, definition.minimumMergedPrs());
        Map<String, Object> offHours = new LinkedHashMap<>();
        offHours.put(FROM, HOURS_MINUTES.format(definition.offHoursFrom()));
        offHours.put(TO, HOURS_MINUTES.format(definition.offHoursTo()));
        content.put(OFF_HOURS, offHours);
        content.put(MINIMUM_OFF_HOURS_CALLS, (long) definition.minimumOffHoursCalls());
        content.put(MINIMUM_OFF_HOURS_HOURS, (long) definition.minimumOffHoursHours());
        content.put(MINIMUM_NIGHTS, (long) definition.minimumNights());
        content.put(MINIMUM_CALLS, (long) definition.minimumCalls());
        content.put(TIME_ZONE, definition.timeZone().getId());
        content.put(ACTIVE, definition.active());
        return content;
    }

    /** From and to, the defaults when left out; nulls inside after a problem. */
    private static LocalTime[] offHours(Map<?, ?> fields, RuleContentReader reader) {
        Map<?, ?> given = reader.object(fields, "", OFF_HOURS, false,
                "an object: {\"from\": \"22:00\", \"to\": \"06:00\"}");
        if (given == null) {
            return new LocalTime[] {DEFAULT_OFF_HOURS_FROM, DEFAULT_OFF_HOURS_TO};
        }
        String prefix = OFF_HOURS + ".";
        reader.unknownFields(given, OFF_HOURS_FIELDS, prefix, "the off-hours");
        LocalTime from = timeOfDay(given, prefix, FROM, reader);
        LocalTime to = timeOfDay(given, prefix, TO, reader);
        if (from != null && from.equals(to)) {
            reader.problem(OFF_HOURS, "from and to must differ (off-hours from 22:00 to 06:00 wrap midnight), "
                    + "both were " + HOURS_MINUTES.format(from));
        }
        return new LocalTime[] {from, to};
    }

    @Nullable
    private static LocalTime timeOfDay(Map<?, ?> fields, String prefix, String field, RuleContentReader reader) {
        Object value = fields.get(field);
        if (value instanceof String text && TIME_OF_DAY.matcher(text).matches()) {
            return LocalTime.parse(text, HOURS_MINUTES);
        }
        reader.problem(prefix + field, fields.containsKey(field) ? "must be a time of day as HH:mm, such as 22:00"
                : "is required: a time of day as HH:mm, such as 22:00");
        return null;
    }
}
