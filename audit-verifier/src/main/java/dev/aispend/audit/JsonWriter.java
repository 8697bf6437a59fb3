package dev.aispend.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The writing half of {@link Json}. */
final class JsonWriter {

    /** Deep enough for any proof; a cycle in a map would otherwise overflow the stack instead of failing clearly. */
    static final int MAXIMUM_DEPTH = 256;

    private JsonWriter() {
    }

    static void writeValue(Object value, StringBuilder output, int depth) {
        if (depth > MAXIMUM_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAXIMUM_DEPTH + " levels");
        }
        if (value == null) {
            output.append("null");
        } else if (value instanceof String text) {
            writeString(text, output);
        } else if (value instanceof Boolean truth) {
            output.append(truth.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            output.append(value);
        } else if (value instanceof BigDecimal decimal) {
            output.append(decimal.toString());
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, output, depth);
        } else if (value instanceof List<?> list) {
            writeArray(list, output, depth);
        } else {
            // Double and Float are refused on purpose: NaN and infinities have no JSON form.
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder output, int depth) {
        output.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys are strings, not " + member.getKey());
            }
            if (!first) {
                output.append(',');
            }
            first = false;
            writeString(key, output);
            output.append(':');
            writeValue(member.getValue(), output, depth + 1);
        }
        output.append('}');
    }

    private static void writeArray(List<?> list, StringBuilder output, int depth) {
        output.append('[');
        for (int index = 0; index < list.size(); index++) {
            if (index > 0) {
                output.append(',');
            }
            writeValue(list.get(index), output, depth + 1);
        }
        output.append(']');
    }

    static void writeString(String text, StringBuilder output) {
        output.append('"');
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '"' -> output.append("\\\"");
                case '\\' -> output.append("\\\\");
                case '\n' -> output.append("\\n");
                case '\r' -> output.append("\\r");
                case '\t' -> output.append("\\t");
                case '\b' -> output.append("\\b");
                case '\f' -> output.append("\\f");
                default -> {
                    if (character < 0x20) {
                        output.append(String.format("\\u%04x", (int) character));
                    } else {
                        output.append(character);
                    }
                }
            }
        }
        output.append('"');
    }
}
