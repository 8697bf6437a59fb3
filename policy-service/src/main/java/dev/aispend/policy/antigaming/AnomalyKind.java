package dev.aispend.policy.antigaming;

/** What an anomaly rule looks for, per person and window (docs/gamification.md). */
public enum AnomalyKind {
    /** Spend of at least {@code minimumSpendUsdMicros} in the window with no merged pull request. */
    SPEND_WITHOUT_OUTCOMES,
    /** Tokens per merged PR above {@code multiplePercent} % of the team's median, with at least
     *  {@code minimumMergedPrs}. */
    TOKENS_PER_MERGED_PR_ABOVE_TEAM_MEDIAN,
    /** Spend in the off-hours (by {@code timeZone}) on at least {@code minimumNights} nights, each with at least
     *  {@code minimumOffHoursCalls} calls spread over at least {@code minimumOffHoursHours} distinct hours, and no
     *  merged PR in the window. */
    OVERNIGHT_IDLE_LOOP,
    /** Input tokens per call, or input per output token, above {@code multiplePercent} % of both the team's median
     *  and the person's own in the previous window (the team's alone when the person has none), with at least
     *  {@code minimumCalls} calls. */
    PROMPT_INFLATION
}
