package dev.aispend.report.query;

/** The outcome kinds reports count by name. */
public final class OutcomeKinds {
    /** A merged pull request: the outcome efficiency, gamification and the CFO summary count. */
    public static final String MERGED_PR = "pull_request_merged";

    private OutcomeKinds() {
    }
}
