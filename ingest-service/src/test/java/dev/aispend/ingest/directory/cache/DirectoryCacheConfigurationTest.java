package dev.aispend.ingest.directory.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryCacheConfigurationTest {

    @Test
    void turns_the_cache_off_with_zero_aliases() {
        assertThat(new DirectoryCacheConfiguration(Duration.ofMinutes(5), 0).enabled()).isFalse();
        assertThat(new DirectoryCacheConfiguration(Duration.ofMinutes(5), 100_000).enabled()).isTrue();
    }

    @Test
    void refuses_settings_out_of_bounds_naming_the_variable() {
        assertThatThrownBy(() -> new DirectoryCacheConfiguration(Duration.ofMinutes(5), -1))
                .hasMessageContaining("INGEST_DIRECTORY_CACHE_MAX_ALIASES");
        assertThatThrownBy(() -> new DirectoryCacheConfiguration(Duration.ofMinutes(5), 10_000_001))
                .hasMessageContaining("INGEST_DIRECTORY_CACHE_MAX_ALIASES");
        assertThatThrownBy(() -> new DirectoryCacheConfiguration(Duration.ZERO, 100))
                .hasMessageContaining("INGEST_DIRECTORY_CACHE_TTL");
        assertThatThrownBy(() -> new DirectoryCacheConfiguration(Duration.ofDays(2), 100))
                .hasMessageContaining("INGEST_DIRECTORY_CACHE_TTL");
    }
}
