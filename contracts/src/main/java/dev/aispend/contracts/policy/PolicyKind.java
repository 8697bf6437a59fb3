package dev.aispend.contracts.policy;

/** What a policy governs; each kind has its own content schema (docs/events.md). */
public enum PolicyKind {
    RATE_CARD,
    BUDGET,
    PHASE,
    BADGE_RULE,
    ANOMALY_RULE
}
