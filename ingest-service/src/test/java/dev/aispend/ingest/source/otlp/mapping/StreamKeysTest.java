package dev.aispend.ingest.source.otlp.mapping;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamKeysTest {
    private static final StreamKeys KEYS = MetricsMapperTest.KEYS;
    private static final KeyValue MODEL = MetricsMapperTest.text("model", "m");
    private static final KeyValue TYPE = MetricsMapperTest.text("type", "input");

    @Test
    void does_not_depend_on_the_order_of_attributes() {
        assertThat(KEYS.of(List.of(), "scope", "metric", List.of(MODEL, TYPE)))
                .isEqualTo(KEYS.of(List.of(), "scope", "metric", List.of(TYPE, MODEL)));
    }

    @Test
    void tells_apart_streams_that_differ_in_a_value_its_type_or_where_an_attribute_sits() {
        String key = KEYS.of(List.of(MODEL), "scope", "metric", List.of(TYPE));
        KeyValue typeAsInt = KeyValue.newBuilder().setKey("type").setValue(AnyValue.newBuilder().setIntValue(1))
                .build();
        KeyValue typeAsText = MetricsMapperTest.text("type", "1");

        assertThat(key).isNotEqualTo(KEYS.of(List.of(), "scope", "metric", List.of(MODEL, TYPE)))
                .isNotEqualTo(KEYS.of(List.of(MODEL), "scope", "other", List.of(TYPE)))
                .isNotEqualTo(KEYS.of(List.of(MODEL), "scope", "metric",
                        List.of(MetricsMapperTest.text("type", "output"))));
        assertThat(KEYS.of(List.of(), "s", "m", List.of(typeAsInt)))
                .isNotEqualTo(KEYS.of(List.of(), "s", "m", List.of(typeAsText)));
        assertThat(StreamKeys.series(key, 1)).isNotEqualTo(StreamKeys.series(key, 2)).hasSize(64);
    }
}
