package dev.aispend.platform.security.ratelimit;

import dev.aispend.platform.security.Roles;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitConfigurationTest {

    @Test
    void limits_every_role_by_default_machines_far_above_people() {
        RateLimitSettings settings = read(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.maxPrincipals()).isEqualTo(RateLimitConfiguration.DEFAULT_MAX_PRINCIPALS);
        assertThat(settings.roleLimits()).containsOnlyKeys(Roles.ALL);
        assertLimit(settings.limitFor(List.of(Roles.GATEWAY)), 10_000, 20_000);
        assertLimit(settings.limitFor(List.of(Roles.INGEST_CLIENT)), 10_000, 20_000);
        assertLimit(settings.limitFor(List.of(Roles.TEAM_MEMBER)), 20, 100);
        assertLimit(settings.limitFor(List.of(Roles.TEAM_LEAD)), 20, 100);
        assertLimit(settings.limitFor(List.of(Roles.FINANCE_AUDITOR)), 50, 200);
        assertLimit(settings.defaultLimit(), 20, 100);
    }

    @Test
    void takes_a_role_s_rate_and_burst_from_configuration_leaving_the_other_roles_at_their_defaults() {
        RateLimitSettings settings = read(Map.of(
                "auth.rate-limits.roles.gateway.requests-per-second", "0.1",
                "auth.rate-limits.roles.gateway.burst", "2",
                "auth.rate-limits.default.burst", "7"));

        assertLimit(settings.limitFor(List.of(Roles.GATEWAY)), 0.1, 2);
        assertLimit(settings.limitFor(List.of(Roles.INGEST_CLIENT)), 10_000, 20_000);
        assertLimit(settings.defaultLimit(), 20, 7);
    }

    @Test
    void takes_settings_from_environment_variables_including_roles_with_a_hyphen() {
        PropertySourcePropertyResolver environment = new PropertySourcePropertyResolver(PropertySource.of("env",
                Map.of("AUTH_RATE_LIMITS_ROLES_INGEST_CLIENT_REQUESTS_PER_SECOND", "300",
                        "AUTH_RATE_LIMITS_ROLES_INGEST_CLIENT_BURST", "600",
                        "AUTH_RATE_LIMITS_MAX_PRINCIPALS", "50",
                        "AUTH_RATE_LIMITS_ENABLED", "false"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));

        RateLimitSettings settings = RateLimitConfiguration.read(environment);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.maxPrincipals()).isEqualTo(50);
        assertLimit(settings.limitFor(List.of(Roles.INGEST_CLIENT)), 300, 600);
        assertThat(settings.roleLimits()).containsOnlyKeys(Roles.ALL);
    }

    @Test
    void is_disabled_by_auth_rate_limits_enabled_false() {
        assertThat(read(Map.of("auth.rate-limits.enabled", "false")).enabled()).isFalse();
    }

    @Test
    void refuses_to_start_with_a_limit_that_would_admit_nothing() {
        assertThatThrownBy(() -> read(Map.of("auth.rate-limits.roles.team-lead.burst", "0")))
                .hasMessageContaining("team-lead").hasMessageContaining("burst");
    }

    private static RateLimitSettings read(Map<String, Object> properties) {
        return RateLimitConfiguration.read(new PropertySourcePropertyResolver(PropertySource.of("test", properties)));
    }

    private static void assertLimit(RateLimit limit, double requestsPerSecond, long burst) {
        assertThat(limit.requestsPerSecond()).isEqualTo(requestsPerSecond);
        assertThat(limit.burst()).isEqualTo(burst);
    }
}
