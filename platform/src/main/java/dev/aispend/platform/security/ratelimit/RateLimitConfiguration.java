package dev.aispend.platform.security.ratelimit;

import dev.aispend.platform.security.Roles;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code auth.rate-limits.*}, every setting with its default here, so a service's application.yml needs no
 * entry and every one can be set by environment variable ({@code AUTH_RATE_LIMITS_ROLES_GATEWAY_BURST}).
 *
 * <p>Each known role's two settings are read by their exact names rather than bound as a map of roles: Micronaut
 * turns an environment variable into every dotted and hyphenated spelling of its name, so a map bound from
 * {@code AUTH_RATE_LIMITS_ROLES_INGEST_CLIENT_BURST} would also hold roles "ingest" and "ingest-client-burst".
 */
@Factory
final class RateLimitConfiguration {
    static final String PREFIX = "auth.rate-limits";
    static final String DEFAULT_NAME = "default";
    static final int DEFAULT_MAX_PRINCIPALS = 10_000;

    // Machines carry traffic: a gateway asks before every model call (the benchmark drives ~500 checks/s with one
    // principal), an ingest client posts every usage record (thousands a second, one principal); these only stop a
    // runaway client. People, and the tools they run, ask for reports and change rules: far fewer requests.
    private static final RateLimit MACHINE = new RateLimit("machine", 10_000, 20_000);
    private static final RateLimit PERSON_ORGANISATION_WIDE = new RateLimit("person", 50, 200);
    private static final RateLimit PERSON = new RateLimit("person", 20, 100);
    private static final Map<String, RateLimit> ROLE_DEFAULTS = Map.of(
            Roles.INGEST_CLIENT, MACHINE, Roles.GATEWAY, MACHINE,
            Roles.TEAM_MEMBER, PERSON, Roles.TEAM_LEAD, PERSON,
            Roles.POLICY_OWNER, PERSON_ORGANISATION_WIDE, Roles.FINANCE_AUDITOR, PERSON_ORGANISATION_WIDE,
            Roles.COMPLIANCE_OFFICER, PERSON_ORGANISATION_WIDE, Roles.ADMIN, PERSON_ORGANISATION_WIDE);

    @Singleton
    RateLimitSettings rateLimitSettings(PropertyResolver properties) {
        return read(properties);
    }

    static RateLimitSettings read(PropertyResolver properties) {
        boolean enabled = properties.getProperty(PREFIX + ".enabled", Boolean.class, true);
        int maxPrincipals = properties.getProperty(PREFIX + ".max-principals", Integer.class,
                DEFAULT_MAX_PRINCIPALS);
        RateLimit defaultLimit = limit(properties, PREFIX + "." + DEFAULT_NAME, DEFAULT_NAME, PERSON);
        Map<String, RateLimit> roleLimits = new HashMap<>();
        for (String role : Roles.ALL) {
            roleLimits.put(role, limit(properties, PREFIX + ".roles." + role, role, ROLE_DEFAULTS.get(role)));
        }
        return new RateLimitSettings(enabled, maxPrincipals, defaultLimit, roleLimits);
    }

    private static RateLimit limit(PropertyResolver properties, String prefix, String name, RateLimit fallback) {
        double requestsPerSecond = properties.getProperty(prefix + ".requests-per-second", Double.class,
                fallback.requestsPerSecond());
        long burst = properties.getProperty(prefix + ".burst", Long.class, fallback.burst());
        return new RateLimit(name, requestsPerSecond, burst);
    }
}
