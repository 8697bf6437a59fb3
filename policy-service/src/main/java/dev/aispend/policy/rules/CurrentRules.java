package dev.aispend.policy.rules;

/**
 * Where checks get the rules: the latest snapshot of the policy projection (reloaded when the projection has
 * applied new rules, on this instance or another sharing the database).
 */
public interface CurrentRules {
    RulesSnapshot current();
}
