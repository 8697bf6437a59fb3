package dev.aispend.policy.badge;

import dev.aispend.policy.activity.RuleContentReader;
import dev.aispend.policy.activity.RuleWindow;
import dev.aispend.policy.phase.Phase;
import io.micronaut.core.annotation.Nullable;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content of a {@code BADGE_RULE} policy: what the API takes and the ledger records, defaults filled.
 * <pre>{"name": "AI-assisted merges", "phase": "OUTCOME", "metric": "MERGED_AI_PRS", "window": "MONTH",
 *  "tiers": {"BRONZE": 1, "SILVER": 5, "GOLD": 10}, "minimumMergedPrs": 1, "minimumInputTokens": 100000,
 *  "timeZone": "UTC", "active": true}</pre>
 */
public final class BadgeContent {
    public static final int MAX_NAME_LENGTH = 100;
    /** The highest count threshold: far above any real streak, model count or PR count, far below 2^53. */
    public static final long MAX_COUNT = 1_000_000_000L;
    public static final long DEFAULT_MINIMUM_MERGED_PRS = 1;
    public static final long DEFAULT_MINIMUM_INPUT_TOKENS = 100_000;
    static final String NAME = "name";
    static final String PHASE = "phase";
    static final String METRIC = "metric";
    static final String WINDOW = "window";
    static final String TIERS = "tiers";
    static final String MINIMUM_MERGED_PRS = "minimumMergedPrs";
    static final String MINIMUM_INPUT_TOKENS = "minimumInputTokens";
    static final String TIME_ZONE = "timeZone";
    static final String ACTIVE = "active";
    private static final Set<String> FIELDS = Set.of(NAME, PHASE, METRIC, WINDOW, TIERS, MINIMUM_MERGED_PRS,
            MINIMUM_INPUT_TOKENS, TIME_ZONE, ACTIVE);
    private static final Set<String> TIER_NAMES = Arrays.stream(BadgeTier.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private BadgeContent() {
    }

    /**
     * Validates badge rule content and refuses it with every problem, each naming its JSON path, in an
     * {@link dev.aispend.policy.activity.InvalidRuleException}. The rules:
     * <ul>
     * <li>{@code name} (required): 1..100 characters, no surrounding whitespace or control characters.</li>
     * <li>{@code metric} (required): a {@link BadgeMetric}. None measures tokens or spend consumed, on purpose:
     *     a badge for consumption rewards burning tokens (docs/gamification.md).</li>
     * <li>{@code phase} (required): the metric's own phase, stated so a reader of the rule sees when it awards.</li>
     * <li>{@code window} (required): one of the metric's windows.</li>
     * <li>{@code tiers} (required): thresholds by tier name (BRONZE..EMERALD), at least one, whole numbers
     *     ascending in tier order; counts at least 1, percentages 0..100.</li>
     * <li>{@code minimumMergedPrs} 1..10^9 (default 1), {@code minimumInputTokens} 0..10^15 (default 100000),
     *     {@code timeZone} (default UTC), {@code active} (default true).</li>
     * </ul>
     */
    public static BadgeDefinition parse(@Nullable Map<String, Object> content) {
        Map<?, ?> fields = RuleContentReader.content(content, "a badge rule");
        RuleContentReader reader = new RuleContentReader();
        reader.unknownFields(fields, FIELDS, "", "a badge rule");
        String name = reader.name(fields, "", NAME, MAX_NAME_LENGTH, true);
        Phase phase = reader.choice(fields, "", PHASE, EnumSet.allOf(Phase.class), null, "");
        BadgeMetric metric = reader.choice(fields, "", METRIC, EnumSet.allOf(BadgeMetric.class), null,
                " (no badge measures tokens or spend consumed: that would reward burning them)");
        RuleWindow window = reader.choice(fields, "", WINDOW, EnumSet.allOf(RuleWindow.class), null, "");
        if (metric != null && phase != null && phase != metric.phase()) {
            reader.problem(PHASE, "must be " + metric.phase() + ": " + metric + " is a badge of the "
                    + metric.phase() + " phase, was " + phase);
        }
        if (metric != null && window != null && !metric.windows().contains(window)) {
            reader.problem(WINDOW, "must be one of " + windowsOf(metric) + " for " + metric + ", was " + window);
        }
        Map<BadgeTier, Long> tiers = tiers(fields, metric, reader);
        Long minimumMergedPrs = reader.wholeNumber(fields, "", MINIMUM_MERGED_PRS, 1, MAX_COUNT,
                DEFAULT_MINIMUM_MERGED_PRS);
        Long minimumInputTokens = reader.wholeNumber(fields, "", MINIMUM_INPUT_TOKENS, 0, 1_000_000_000_000_000L,
                DEFAULT_MINIMUM_INPUT_TOKENS);
        ZoneId timeZone = reader.timeZone(fields, "", TIME_ZONE);
        boolean active = reader.flag(fields, "", ACTIVE, true);
        reader.refuseIfAny();
        return new BadgeDefinition(name, phase, metric, window, tiers, minimumMergedPrs, minimumInputTokens,
                timeZone, active);
    }

    /** The canonical content: every field in a fixed order, tiers in tier order; {@link #parse} reads it back. */
    public static Map<String, Object> toContent(BadgeDefinition definition) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(NAME, definition.name());
        content.put(PHASE, definition.phase().name());
        content.put(METRIC, definition.metric().name());
        content.put(WINDOW, definition.window().name());
        Map<String, Object> tiers = new LinkedHashMap<>();
        new EnumMap<>(definition.tiers()).forEach((tier, threshold) -> tiers.put(tier.name(), threshold));
        content.put(TIERS, tiers);
        content.put(MINIMUM_MERGED_PRS, definition.minimumMergedPrs());
        content.put(MINIMUM_INPUT_TOKENS, definition.minimumInputTokens());
        content.put(TIME_ZONE, definition.timeZone().getId());
        content.put(ACTIVE, definition.active());
        return content;
    }

    @Nullable
    private static Map<BadgeTier, Long> tiers(Map<?, ?> fields, @Nullable BadgeMetric metric,
                                              RuleContentReader reader) {
        Map<?, ?> given = reader.object(fields, "", TIERS, true,
                "an object of thresholds by tier, such as {\"BRONZE\": 1, \"SILVER\": 5}");
        if (given == null) {
            return null;
        }
        if (given.isEmpty()) {
            reader.problem(TIERS, "must define at least one tier: BRONZE, SILVER, GOLD, PLATINUM or EMERALD");
            return null;
        }
        reader.unknownFields(given, TIER_NAMES, TIERS + ".", "a badge's tiers (BRONZE, SILVER, GOLD, PLATINUM, "
                + "EMERALD)");
        long minimum = minimumThreshold(metric);
        long maximum = maximumThreshold(metric);
        Map<BadgeTier, Long> tiers = new EnumMap<>(BadgeTier.class);
        // The highest threshold so far; null after a bad one, whose own problem is named.
        Long highest = -1L;
        for (BadgeTier tier : BadgeTier.values()) {
            if (!given.containsKey(tier.name())) {
                continue;
            }
            String path = TIERS + "." + tier.name();
            Long threshold = reader.wholeNumber(given.get(tier.name()), path, minimum, maximum);
            if (threshold == null) {
                highest = null;
            } else if (highest != null && threshold <= highest) {
                reader.problem(path, "must be greater than the threshold of every lower tier (ascending in "
                        + "tier order), was " + threshold);
            } else {
                tiers.put(tier, threshold);
                highest = threshold;
            }
        }
        return tiers.isEmpty() ? null : tiers;
    }

    /** Counts start at 1 (a threshold of 0 would award the badge for nothing); percentages below the median at 0. */
    private static long minimumThreshold(@Nullable BadgeMetric metric) {
        return metric == null || isPercent(metric) ? 0 : 1;
    }

    private static long maximumThreshold(@Nullable BadgeMetric metric) {
        return metric != null && isPercent(metric) ? 100 : MAX_COUNT;
    }

    private static boolean isPercent(BadgeMetric metric) {
        return switch (metric) {
            case CACHE_READ_SHARE_PERCENT, COST_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT,
                 TOKENS_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT -> true;
            case FIRST_USE, ACTIVE_WEEKS_STREAK, DISTINCT_MODELS, MERGED_AI_PRS -> false;
        };
    }

    private static String windowsOf(BadgeMetric metric) {
        return EnumSet.copyOf(metric.windows()).stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
