package dev.aispend.audit;

/** The position of {@link JsonParser} in its text, and the small moves every rule of the grammar makes. */
abstract class JsonCursor {

    final String text;
    int offset;

    JsonCursor(String text) {
        this.text = text;
    }

    /** JSON whitespace is exactly these four; any other (a no-break space, a BOM) is refused. */
    void skipWhitespace() {
        while (offset < text.length()) {
            char character = text.charAt(offset);
            if (character != ' ' && character != '\t' && character != '\n' && character != '\r') {
                return;
            }
            offset++;
        }
    }

    void expect(char expected) {
        if (peek() != expected) {
            throw error("expected '" + expected + "'");
        }
        offset++;
    }

    /** The character at the offset, or NUL at the end (NUL is never valid unescaped, so it matches nothing). */
    char peek() {
        return offset < text.length() ? text.charAt(offset) : '\0';
    }

    static boolean isDigit(char character) {
        return character >= '0' && character <= '9';
    }

    Json.ParseException error(String message) {
        return new Json.ParseException(message, offset);
    }
}
