package dev.aispend.policy.check;

/**
 * The stored rules head was not the one the check resolved its budgets with: a rule changed (here or on another
 * instance) after this instance last loaded the rules, or while the check waited for its budgets' locks. The check
 * is rolled back and resolved again with the current rules, so no check is judged by rules older than the ones
 * stored once it held every lock.
 */
final class RulesMovedException extends RuntimeException {
    RulesMovedException(long resolvedAt, long storedHead) {
        super("the check was resolved with the rules at position " + resolvedAt + ", the stored head is at "
                + storedHead, null, false, false);
    }
}
