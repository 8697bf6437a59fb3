package dev.aispend.ingest.source;

import dev.aispend.platform.web.FieldError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DecimalsTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void refuses_decimal_strings_with_a_huge_exponent_as_a_bad_field_at_once() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (String huge : List.of("1e20000000", "1e-20000000", "1e999999999", "12345678901234567890")) {
                List<FieldError> violations = new ArrayList<>();
                JsonFields fields = JsonFields.of(tree("{\"amount\": \"" + huge + "\"}"), "results[0].", violations);

                assertThat(JsonNumbers.nonNegativeDecimal(fields, "amount", true)).as(huge).isNull();
                assertThat(violations).as(huge).extracting(FieldError::field).containsExactly("results[0].amount");
            }
        });
    }

    @Test
    void refuses_numbers_the_json_parser_reads_as_infinite_as_a_bad_field() {
        List<FieldError> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(tree("{\"cost\": 1e400, \"count\": -1e400, \"at\": 1e400}"), "",
                violations);

        assertThat(JsonNumbers.nonNegativeDecimal(fields, "cost", false)).isNull();
        assertThat(fields.count("count", Long.MAX_VALUE)).isNull();
        assertThat(JsonNumbers.epochSeconds(fields, "at", true)).isNull();
        assertThat(violations).extracting(FieldError::field).containsExactly("cost", "count", "at");
    }

    @Test
    void keeps_decimals_within_the_bounds() {
        assertThat(Decimals.parse("123.45")).isEqualByComparingTo("123.45");
        assertThat(Decimals.parse("0.10000000000000000000000000000000000000000000000")).isEqualByComparingTo("0.1");
        assertThat(Decimals.parse("9999999999999999999.5")).isNotNull();
        assertThat(Decimals.parse("not a number")).isNull();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
