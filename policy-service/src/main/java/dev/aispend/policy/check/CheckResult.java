package dev.aispend.policy.check;

/** What a pre-flight check answers, from best to worst; the overall answer is the worst of its budgets'. */
public enum CheckResult {
    ALLOW,
    WARN,
    DENY;

    public CheckResult worst(CheckResult other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Whether the check holds a reservation (when it estimates anything at all). */
    public boolean reserves() {
        return this != DENY;
    }
}
