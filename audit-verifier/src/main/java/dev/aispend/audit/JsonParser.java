package dev.aispend.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reading half of {@link Json}: a recursive-descent parser of RFC 8259, refusing every extension. */
final class JsonParser extends JsonCursor {

    JsonParser(String text) {
        super(text);
    }

    Object parseDocument() {
        Object value = parseValue(0);
        skipWhitespace();
        if (offset != text.length()) {
            throw error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object parseValue(int depth) {
        // A limit, so a hostile file fails with a message instead of a StackOverflowError.
        if (depth > JsonWriter.MAXIMUM_DEPTH) {
            throw error("nested deeper than " + JsonWriter.MAXIMUM_DEPTH + " levels");
        }
        skipWhitespace();
        if (offset >= text.length()) {
            throw error("unexpected end of input");
        }
        char character = text.charAt(offset);
        return switch (character) {
            case '{' -> parseObject(depth);
            case '[' -> parseArray(depth);
            case '"' -> parseString();
            case 't' -> parseLiteral("true", Boolean.TRUE);
            case 'f' -> parseLiteral("false", Boolean.FALSE);
            case 'n' -> parseLiteral("null", null);
            default -> {
                if (character == '-' || isDigit(character)) {
                    yield parseNumber();
                }
                throw error("unexpected character '" + character + "'");
            }
        };
    }

    private Map<String, Object> parseObject(int depth) {
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            offset++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyOffset = offset;
            String key = parseString();
            skipWhitespace();
            expect(':');
            Object value = parseValue(depth + 1);
            if (object.containsKey(key)) {
                throw new Json.ParseException("duplicate key \"" + key + "\"", keyOffset);
            }
            object.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                offset++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> parseArray(int depth) {
        expect('[');
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            offset++;
            return array;
        }
        while (true) {
            array.add(parseValue(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                offset++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String parseString() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            if (offset >= text.length()) {
                throw error("unterminated string");
            }
            char character = text.charAt(offset++);
            if (character == '"') {
                break;
            }
            if (character == '\\') {
                value.append(parseEscape());
            } else if (character < 0x20) {
                throw error("unescaped control character in a string");
            } else {
                value.append(character);
            }
        }
        requireNoUnpairedSurrogate(value);
        return value.toString();
    }

    private char parseEscape() {
        if (offset >= text.length()) {
            throw error("unterminated escape");
        }
        char escaped = text.charAt(offset++);
        return switch (escaped) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> parseUnicodeEscape();
            default -> throw error("invalid escape '\\" + escaped + "'");
        };
    }

    private char parseUnicodeEscape() {
        if (offset + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int codeUnit = 0;
        for (int index = 0; index < 4; index++) {
            // Not Character.digit: it accepts non-ASCII digits, which JSON does not.
            int digit = asciiHexDigit(text.charAt(offset + index));
            if (digit < 0) {
                throw error("invalid hex digit in a \\u escape");
            }
            codeUnit = codeUnit * 16 + digit;
        }
        offset += 4;
        return (char) codeUnit;
    }

    private static int asciiHexDigit(char character) {
        if (isDigit(character)) {
            return character - '0';
        }
        char lower = (char) (character | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** A lone surrogate is not a character: it cannot be written as UTF-8, so such a string could not be hashed. */
    private void requireNoUnpairedSurrogate(CharSequence value) {
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (Character.isHighSurrogate(character) && index + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(character)) {
                throw error("unpaired surrogate in a string");
            }
        }
    }

    private Object parseNumber() {
        int start = offset;
        boolean integral = true;
        if (peek() == '-') {
            offset++;
        }
        if (peek() == '0') {
            offset++;
        } else {
            requireDigits("a digit");
        }
        if (peek() == '.') {
            integral = false;
            offset++;
            requireDigits("a digit after the decimal point");
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            offset++;
            if (peek() == '+' || peek() == '-') {
                offset++;
            }
            requireDigits("a digit in the exponent");
        }
        String number = text.substring(start, offset);
        if (integral) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException tooLarge) {
                return new BigDecimal(number);
            }
        }
        return new BigDecimal(number);
    }

    private void requireDigits(String what) {
        if (!isDigit(peek())) {
            throw error("expected " + what);
        }
        while (isDigit(peek())) {
            offset++;
        }
    }

    private Object parseLiteral(String literal, Object value) {
        if (!text.startsWith(literal, offset)) {
            throw error("expected " + literal);
        }
        offset += literal.length();
        return value;
    }
}
