package dev.aispend.platform.security.ratelimit;

import java.util.Map;

/**
 * The rate limits in force (docs/security.md, "Rate limits"): one per role, a default for a role without one, how
 * many principals' buckets are kept at most, and whether limits apply at all.
 */
public record RateLimitSettings(boolean enabled, int maxPrincipals, RateLimit defaultLimit,
                                Map<String, RateLimit> roleLimits) {

    public RateLimitSettings {
        if (maxPrincipals < 1) {
            throw new IllegalArgumentException("auth.rate-limits.max-principals must be at least 1, not "
                    + maxPrincipals);
        }
        roleLimits = Map.copyOf(roleLimits);
    }

    /**
     * The limit of a principal holding {@code roles}: the most generous of its roles' limits, a role without a
     * limit of its own counting as the default, and the default for a principal with no role at all. A person who
     * is also a policy owner is not held to a team member's limit.
     */
    public RateLimit limitFor(Iterable<String> roles) {
        RateLimit chosen = null;
        for (String role : roles) {
            RateLimit limit = roleLimits.getOrDefault(role, defaultLimit);
            if (chosen == null || limit.moreGenerousThan(chosen)) {
                chosen = limit;
            }
        }
        return chosen == null ? defaultLimit : chosen;
    }
}
