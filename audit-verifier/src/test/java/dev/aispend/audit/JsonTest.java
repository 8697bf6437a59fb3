package dev.aispend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsEveryKindOfValue() {
        Object value = Json.parse(" {\"b\": [1, -2, 3.5, 1e3, true, false, null, \"x\"], \"a\": {}, \"c\": []} ");

        Map<String, Object> object = JsonFields.object(value, "value");
        assertThat(object.keySet()).containsExactly("b", "a", "c");
        assertThat((List<Object>) object.get("b")).containsExactly(1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"),
                true, false, null, "x");
        assertThat(object.get("a")).isEqualTo(Map.of());
        assertThat(object.get("c")).isEqualTo(List.of());
    }

    @Test
    void readsIntegersAsLongAndOnlyTooLargeOnesAsBigDecimal() {
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0.0e-2")).isInstanceOf(BigDecimal.class);
    }

    @Test
    void readsEveryEscapeIncludingSurrogatePairs() {
        String parsed = (String) Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\uD83D\\uDE00 \\u00E9\"");
        assertThat(parsed).isEqualTo("q\" b\\ s/ \b\f\n\r\t é \uD83D\uDE00 é");
        assertThat(parsed.codePointAt(parsed.indexOf('\uD83D'))).isEqualTo(0x1F600);
        assertThat(Json.parse("\"😀 raw\"")).isEqualTo("😀 raw");
    }

    @Test
    void refusesEverythingOutsideRfc8259() {
        List<String> invalid = List.of(
                "", " ", "{", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "'a'", "01", "-", "1.", ".5",
                "1e", "+1", "NaN", "Infinity", "tru", "nulls", "[1] x", "\"unterminated", "\"tab\there\"",
                "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\uD800\"", "\"\\uDE00\\uD83D\"", "// comment\n1",
                "{\"a\":1,\"a\":2}", "\u00a01", "\"\\u\u0660\u0660\u0664\u0661\"");
        for (String text : invalid) {
            assertThatThrownBy(() -> Json.parse(text)).as(text).isInstanceOf(Json.ParseException.class);
        }
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        char[] open = new char[1000];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> Json.parse(new String(open))).isInstanceOf(Json.ParseException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void writesWhatItReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n control \u0001 é \uD83D\uDE00");
        value.put("numbers", List.of(1L, -7L, new BigDecimal("2.50")));
        value.put("flags", Arrays.asList(true, false, null));
        value.put("nested", Map.of("empty", List.of()));

        String written = Json.write(value);

        assertThat(written).startsWith("{\"text\":\"quote \\\" backslash \\\\ newline \\n control \\u0001 é");
        assertThat(Json.parse(written)).isEqualTo(value);
    }

    @Test
    void refusesToWriteWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
