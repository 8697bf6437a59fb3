package dev.aispend.policy.phase;

/**
 * Where a team stands with AI tools: EXPLORATION while people learn them (usage badges), OUTCOME once use is
 * established (outcome badges only). A team starts in EXPLORATION.
 */
public enum Phase {
    EXPLORATION,
    OUTCOME
}
