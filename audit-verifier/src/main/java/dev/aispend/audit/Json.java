package dev.aispend.audit;

import java.util.Objects;

/**
 * A minimal, strict JSON (RFC 8259): enough to read the ledger's proofs, checkpoints and envelopes without a
 * library, so the verifier jar stays dependency-free. Objects are read as {@code LinkedHashMap<String, Object>}
 * (a duplicate key is refused: two readers could pick different values), arrays as {@code List<Object>},
 * integral numbers as {@code Long} (as {@code BigDecimal} when they do not fit), other numbers as
 * {@code BigDecimal}, and {@code true}, {@code false}, {@code null} as {@code Boolean} and {@code null}.
 */
public final class Json {

    private Json() {
    }

    /** Parses one JSON value; anything but whitespace after it is refused. */
    public static Object parse(String text) {
        Objects.requireNonNull(text, "text");
        return new JsonParser(text).parseDocument();
    }

    /**
     * Writes a value compactly: {@code Map} with {@code String} keys, {@code List}, {@code String}, {@code Number}
     * ({@code Long}, {@code Integer}, {@code BigDecimal}...), {@code Boolean} or {@code null}.
     */
    public static String write(Object value) {
        StringBuilder output = new StringBuilder();
        JsonWriter.writeValue(value, output, 0);
        return output.toString();
    }

    /** Thrown for text that is not JSON; the message names the character offset. */
    public static final class ParseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ParseException(String message, int offset) {
            super(message + " at offset " + offset);
        }
    }
}
