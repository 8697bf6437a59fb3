package dev.aispend.policy.phase;

import dev.aispend.policy.activity.RuleContentReader;
import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The content of a {@code PHASE} policy: what the API takes and the ledger records, defaults filled.
 * <pre>{"team": "platform", "phase": "EXPLORATION",
 *  "automatic": {"adoptionPercent": 80, "consecutiveWeeks": 4}, "timeZone": "Europe/Berlin"}</pre>
 */
public final class PhaseContent {
    /** Long enough for any team name a directory carries; a bound, so a name cannot bloat the ledger. */
    public static final int MAX_TEAM_LENGTH = 200;
    static final String TEAM = "team";
    static final String PHASE = "phase";
    static final String AUTOMATIC = "automatic";
    static final String ADOPTION_PERCENT = "adoptionPercent";
    static final String CONSECUTIVE_WEEKS = "consecutiveWeeks";
    static final String TIME_ZONE = "timeZone";
    private static final Set<String> FIELDS = Set.of(TEAM, PHASE, AUTOMATIC, TIME_ZONE);
    private static final Set<String> AUTOMATIC_FIELDS = Set.of(ADOPTION_PERCENT, CONSECUTIVE_WEEKS);

    private PhaseContent() {
    }

    /**
     * Validates phase content and refuses it with every problem, each naming its JSON path, in an
     * {@link dev.aispend.policy.activity.InvalidRuleException}. The rules:
     * <ul>
     * <li>{@code team}: the team the phase is for, a name of 1..200 characters without surrounding whitespace or
     *     control characters; left out, the policy is the organization's (every team without a phase policy of
     *     its own). An explicit null is refused: it would be unclear which of the two was meant.</li>
     * <li>{@code phase} (required): EXPLORATION or OUTCOME.</li>
     * <li>{@code automatic}: null or left out for no automatic switch; else {@code adoptionPercent} 1..100 and
     *     {@code consecutiveWeeks} 1..52, both required.</li>
     * <li>{@code timeZone}: an IANA region id, default UTC (the ISO weeks adoption is counted in).</li>
     * </ul>
     */
    public static PhaseDefinition parse(@Nullable Map<String, Object> content) {
        Map<?, ?> fields = RuleContentReader.content(content, "a phase policy");
        RuleContentReader reader = new RuleContentReader();
        reader.unknownFields(fields, FIELDS, "", "a phase policy");
        String team = reader.name(fields, "", TEAM, MAX_TEAM_LENGTH, false);
        Phase phase = reader.choice(fields, "", PHASE, EnumSet.allOf(Phase.class), null, "");
        PhaseDefinition.AutomaticSwitch automatic = automatic(fields, reader);
        ZoneId timeZone = reader.timeZone(fields, "", TIME_ZONE);
        reader.refuseIfAny();
        return new PhaseDefinition(team, phase, automatic, timeZone);
    }

    /**
     * The canonical content: every field in a fixed order, {@code automatic} written as null when there is no
     * switch, {@code team} left out for the organization's phase; {@link #parse} reads it back to an equal
     * definition.
     */
    public static Map<String, Object> toContent(PhaseDefinition definition) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (definition.team() != null) {
            content.put(TEAM, definition.team());
        }
        content.put(PHASE, definition.phase().name());
        Map<String, Object> automatic = null;
        if (definition.automatic() != null) {
            automatic = new LinkedHashMap<>();
            automatic.put(ADOPTION_PERCENT, (long) definition.automatic().adoptionPercent());
            automatic.put(CONSECUTIVE_WEEKS, (long) definition.automatic().consecutiveWeeks());
        }
        content.put(AUTOMATIC, automatic);
        content.put(TIME_ZONE, definition.timeZone().getId());
        return content;
    }

    @Nullable
    private static PhaseDefinition.AutomaticSwitch automatic(Map<?, ?> fields, RuleContentReader reader) {
        if (fields.get(AUTOMATIC) == null) {
            return null;
        }
        Map<?, ?> automatic = reader.object(fields, "", AUTOMATIC, false,
                "null or an object: {\"adoptionPercent\": 80, \"consecutiveWeeks\": 4}");
        if (automatic == null) {
            return null;
        }
        String prefix = AUTOMATIC + ".";
        reader.unknownFields(automatic, AUTOMATIC_FIELDS, prefix, "an automatic phase switch");
        Long adoptionPercent = reader.wholeNumber(automatic, prefix, ADOPTION_PERCENT, 1, 100, null);
        Long consecutiveWeeks = reader.wholeNumber(automatic, prefix, CONSECUTIVE_WEEKS, 1, 52, null);
        return adoptionPercent == null || consecutiveWeeks == null ? null
                : new PhaseDefinition.AutomaticSwitch(adoptionPercent.intValue(), consecutiveWeeks.intValue());
    }
}
