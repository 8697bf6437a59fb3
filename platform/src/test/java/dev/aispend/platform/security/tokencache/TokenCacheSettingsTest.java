package dev.aispend.platform.security.tokencache;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCacheSettingsTest {

    @Test
    void defaults_to_sixty_seconds_and_ten_thousand_entries_without_any_setting() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            TokenCacheSettings settings = context.getBean(TokenCacheSettings.class);

            assertThat(settings.active()).isTrue();
            assertThat(settings.ttl()).isEqualTo(Duration.ofSeconds(60));
            assertThat(settings.maxEntries()).isEqualTo(10_000);
        }
    }

    @Test
    void reads_the_ttl_and_the_bound_from_auth_token_cache() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("auth.token-cache.ttl", "15s", "auth.token-cache.max-entries", 500)).start()) {
            TokenCacheSettings settings = context.getBean(TokenCacheSettings.class);

            assertThat(settings.ttl()).isEqualTo(Duration.ofSeconds(15));
            assertThat(settings.maxEntries()).isEqualTo(500);
        }
    }

    @Test
    void a_zero_ttl_turns_the_cache_off() {
        assertThat(new TokenCacheSettings(true, Duration.ZERO, 10).active()).isFalse();
        assertThat(new TokenCacheSettings(false, Duration.ofSeconds(60), 10).active()).isFalse();
    }

    @Test
    void refuses_a_negative_or_too_long_ttl_and_a_bound_outside_its_range() {
        assertThatThrownBy(() -> new TokenCacheSettings(true, Duration.ofSeconds(-1), 10))
                .hasMessageContaining("AUTH_TOKEN_CACHE_TTL");
        assertThatThrownBy(() -> new TokenCacheSettings(true, Duration.ofMinutes(11), 10))
                .hasMessageContaining("AUTH_TOKEN_CACHE_TTL");
        assertThatThrownBy(() -> new TokenCacheSettings(true, Duration.ofSeconds(60), 0))
                .hasMessageContaining("AUTH_TOKEN_CACHE_MAX_ENTRIES");
        assertThatThrownBy(() -> new TokenCacheSettings(true, Duration.ofSeconds(60), 1_000_001))
                .hasMessageContaining("AUTH_TOKEN_CACHE_MAX_ENTRIES");
    }
}
