package dev.aispend.policy.check;

/**
 * Another check with the same checkId committed while this one ran (two retries at once): this one is rolled back
 * and answered from the stored one.
 */
final class CheckIdTakenException extends RuntimeException {
    CheckIdTakenException(String checkId) {
        super("checkId " + checkId + " was recorded by a concurrent check", null, false, false);
    }
}
