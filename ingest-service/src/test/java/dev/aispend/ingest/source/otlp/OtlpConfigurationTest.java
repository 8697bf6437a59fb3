package dev.aispend.ingest.source.otlp;

import io.micronaut.context.env.PropertySource;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtlpConfigurationTest {

    @Test
    void reads_the_item_bound_from_its_environment_variable() {
        PropertyResolver environment = new PropertySourcePropertyResolver(PropertySource.of("env",
                Map.of("INGEST_OTLP_MAX_ITEMS_PER_REQUEST", "7"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));

        assertThat(environment.getProperty("ingest.otlp.max-items-per-request", Integer.class)).contains(7);
    }

    @Test
    void refuses_an_item_bound_outside_its_range() {
        assertThatThrownBy(() -> new OtlpConfiguration("metrics", "traces", 0, 2, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INGEST_OTLP_MAX_ITEMS_PER_REQUEST");
    }

    @Test
    void refuses_a_concurrency_or_a_wait_outside_its_range() {
        assertThatThrownBy(() -> new OtlpConfiguration("metrics", "traces", 10, 0, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INGEST_OTLP_MAX_CONCURRENT_EXPORTS");
        assertThatThrownBy(() -> new OtlpConfiguration("metrics", "traces", 10, 2, Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INGEST_OTLP_EXPORT_WAIT");
    }
}
