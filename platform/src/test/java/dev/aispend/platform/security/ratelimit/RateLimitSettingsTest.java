package dev.aispend.platform.security.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitSettingsTest {
    private static final RateLimit DEFAULT = new RateLimit("default", 5, 10);
    private static final RateLimit MEMBER = new RateLimit("team-member", 20, 100);
    private static final RateLimit OWNER = new RateLimit("policy-owner", 50, 200);
    private static final RateLimit GATEWAY = new RateLimit("gateway", 50, 400);
    private static final RateLimitSettings SETTINGS = new RateLimitSettings(true, 100, DEFAULT,
            Map.of("team-member", MEMBER, "policy-owner", OWNER, "gateway", GATEWAY));

    @Test
    void gives_a_principal_with_one_role_that_role_s_limit() {
        assertThat(SETTINGS.limitFor(List.of("team-member"))).isEqualTo(MEMBER);
    }

    @Test
    void gives_a_principal_with_several_roles_the_most_generous_of_them_whatever_their_order() {
        assertThat(SETTINGS.limitFor(List.of("team-member", "policy-owner"))).isEqualTo(OWNER);
        assertThat(SETTINGS.limitFor(List.of("policy-owner", "team-member"))).isEqualTo(OWNER);
    }

    @Test
    void breaks_a_tie_of_rates_by_the_larger_burst() {
        assertThat(SETTINGS.limitFor(List.of("policy-owner", "gateway"))).isEqualTo(GATEWAY);
        assertThat(SETTINGS.limitFor(List.of("gateway", "policy-owner"))).isEqualTo(GATEWAY);
    }

    @Test
    void gives_a_role_without_a_limit_of_its_own_the_default() {
        assertThat(SETTINGS.limitFor(List.of("role-added-later"))).isEqualTo(DEFAULT);
    }

    @Test
    void counts_an_unknown_role_as_the_default_beside_known_ones() {
        RateLimit generousDefault = new RateLimit("default", 30, 10);
        RateLimitSettings settings = new RateLimitSettings(true, 100, generousDefault, Map.of("team-member", MEMBER));

        assertThat(settings.limitFor(List.of("team-member", "role-added-later"))).isEqualTo(generousDefault);
        assertThat(settings.limitFor(List.of("team-member"))).isEqualTo(MEMBER);
    }

    @Test
    void gives_a_principal_without_roles_the_default() {
        assertThat(SETTINGS.limitFor(List.of())).isEqualTo(DEFAULT);
    }

    @Test
    void refuses_a_rate_or_burst_that_would_admit_nothing() {
        assertThatThrownBy(() -> new RateLimit("gateway", 0, 10)).hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> new RateLimit("gateway", Double.NaN, 10)).hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> new RateLimit("gateway", 1, 0)).hasMessageContaining("burst");
        assertThatThrownBy(() -> new RateLimitSettings(true, 0, DEFAULT, Map.of()))
                .hasMessageContaining("max-principals");
    }
}
