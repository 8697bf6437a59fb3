package dev.aispend.policy.badge;

/** A badge's tiers, lowest first; a badge defines thresholds for one or more of them, ascending. */
public enum BadgeTier {
    BRONZE,
    SILVER,
    GOLD,
    PLATINUM,
    EMERALD
}
