package dev.aispend.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** The one JSON writer of the demo's wire formats. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException("a JSON tree always writes", failure);
        }
    }

    /** USD micros as an exact decimal number of dollars ({@code 1234567} is {@code 1.234567}). */
    static BigDecimal dollars(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }
}
