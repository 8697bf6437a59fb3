package dev.aispend.policy.badge;

import dev.aispend.policy.activity.RuleWindow;
import dev.aispend.policy.phase.Phase;

import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A BADGE_RULE policy's content. {@code phase} is the metric's own ({@link BadgeMetric#phase()}): a badge is
 * awarded only while the person's team is in that phase. {@code tiers} maps each defined tier to its threshold,
 * thresholds ascending with the tiers. A person earns each tier once per window.
 *
 * @param minimumMergedPrs   per-PR metrics: the merged PRs a person (and each person in the team median) needs
 * @param minimumInputTokens CACHE_READ_SHARE_PERCENT: the input tokens (all kinds) the window needs
 * @param timeZone           the zone of the windows
 */
public record BadgeDefinition(String name, Phase phase, BadgeMetric metric, RuleWindow window,
                              Map<BadgeTier, Long> tiers, long minimumMergedPrs, long minimumInputTokens,
                              ZoneId timeZone, boolean active) {
    public BadgeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(timeZone, "timeZone");
        if (phase != metric.phase()) {
            throw new IllegalArgumentException(metric + " is a badge of " + metric.phase() + ", not " + phase);
        }
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException("a badge has at least one tier");
        }
        tiers = Collections.unmodifiableMap(new EnumMap<>(tiers));
    }
}
