package dev.aispend.policy.badge;

import dev.aispend.policy.activity.RuleWindow;
import dev.aispend.policy.phase.Phase;

import java.util.Set;

/**
 * What a badge measures, per person and window. None rewards consumption: there is no metric of tokens or spend
 * used, only of use being regular or varied, of cache reads as a share, and of outcomes and their cost. Each
 * metric belongs to one phase (usage metrics to EXPLORATION, outcome metrics to OUTCOME) and allows some windows.
 */
public enum BadgeMetric {
    /** 1 once the person has any recorded spend (threshold 1). */
    FIRST_USE(Phase.EXPLORATION, Set.of(RuleWindow.ALL_TIME), false),
    /** ISO weeks in a row, up to the current one, with recorded spend. */
    ACTIVE_WEEKS_STREAK(Phase.EXPLORATION, Set.of(RuleWindow.ALL_TIME), false),
    /** Distinct models used in the window. */
    DISTINCT_MODELS(Phase.EXPLORATION, Set.of(RuleWindow.ISO_WEEK, RuleWindow.MONTH, RuleWindow.ALL_TIME), false),
    /** Cache-read tokens as a percentage of all input tokens (input + cache read + cache writes), at window close,
     *  only with at least {@code minimumInputTokens}. */
    CACHE_READ_SHARE_PERCENT(Phase.EXPLORATION, Set.of(RuleWindow.ISO_WEEK, RuleWindow.MONTH), true),
    /** Merged pull requests with AI assistance (a session id or an AI co-author) in the window. */
    MERGED_AI_PRS(Phase.OUTCOME, Set.of(RuleWindow.ISO_WEEK, RuleWindow.MONTH), false),
    /** How far, in percent, the person's cost per merged PR is below the team's median, at window close, with at
     *  least {@code minimumMergedPrs} (threshold 0 means: below the median at all). */
    COST_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT(Phase.OUTCOME, Set.of(RuleWindow.ISO_WEEK, RuleWindow.MONTH), true),
    /** The same for tokens (all types) per merged PR. */
    TOKENS_PER_MERGED_PR_BELOW_TEAM_MEDIAN_PERCENT(Phase.OUTCOME, Set.of(RuleWindow.ISO_WEEK, RuleWindow.MONTH),
            true);

    private final Phase phase;
    private final Set<RuleWindow> windows;
    private final boolean atWindowClose;

    BadgeMetric(Phase phase, Set<RuleWindow> windows, boolean atWindowClose) {
        this.phase = phase;
        this.windows = windows;
        this.atWindowClose = atWindowClose;
    }

    public Phase phase() {
        return phase;
    }

    public Set<RuleWindow> windows() {
        return windows;
    }

    /** Judged once the window has closed (a share or a comparison), rather than as soon as a threshold is met. */
    public boolean atWindowClose() {
        return atWindowClose;
    }
}
