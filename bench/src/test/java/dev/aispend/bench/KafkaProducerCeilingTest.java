package dev.aispend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ceiling's bounds and the usage records it sends. */
class KafkaProducerCeilingTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusesRecordCountsOutsideItsBounds() {
        assertThatThrownBy(() -> KafkaProducerCeiling.measure("localhost:1", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaProducerCeiling.measure("localhost:1", KafkaProducerCeiling.MAX_RECORDS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAUsageRecordWithTheIndexInItsIds() throws IOException {
        JsonNode record = json.readTree(KafkaProducerCeiling.UsageRecordTemplate.value(1234));

        assertThat(record.get("usageRecordId").asText()).isEqualTo("ceiling-00001234");
        assertThat(record.get("requestId").asText()).isEqualTo("req_00001234");
        assertThat(record.get("team").asText()).isEqualTo("bench-team-4");
        assertThat(record.get("tokens").get("inputTokens").asLong()).isPositive();
        assertThat(record.has("accounting")).isFalse();
    }

    @Test
    void everyRecordHasTheSameSize() {
        int size = KafkaProducerCeiling.UsageRecordTemplate.value(0).length;

        assertThat(IntStream.of(7, 99_999, 9_999_999, KafkaProducerCeiling.MAX_RECORDS - 1)
                .map(index -> KafkaProducerCeiling.UsageRecordTemplate.value(index).length))
                .containsOnly(size);
        assertThat(size).isBetween(400, 1_000);
    }

    @Test
    void spreadsKeysOverTheTeams() {
        assertThat(IntStream.range(0, 30).mapToObj(index -> KafkaProducerCeiling.UsageRecordTemplate.team(index))
                .distinct()).hasSize(10);
    }
}
