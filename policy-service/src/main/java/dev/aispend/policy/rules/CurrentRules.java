package dev.aispend.policy.rules;

/**
 * Where checks get the rules: the latest snapshot of the policy projection (reloaded when the projection has
 * applied new rules, on this instance or another sharing the database).
 */
public interface CurrentRules {
    /** The rules as of the stored rules head now: reads the head, reloads when it moved. */
    RulesSnapshot current();

    /**
     * The last snapshot this instance loaded, without reading the database (loads one when there is none yet).
     * It may be behind the stored head: a check that uses it compares its position with the head inside its own
     * transaction, and starts again with {@link #current()} when they differ.
     */
    RulesSnapshot lastLoaded();
}
