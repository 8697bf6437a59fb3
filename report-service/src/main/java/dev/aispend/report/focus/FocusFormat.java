package dev.aispend.report.focus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * How values are written in the export, by the spec's attributes (docs/focus.md): numbers in plain decimal notation
 * with a "." and a leading "-" only when negative (NumericFormat), date/times as {@code YYYY-MM-DDTHH:mm:ssZ} in
 * UTC (DateTimeFormat), key-value columns as a JSON object of strings (KeyValueFormat). Money is never a double:
 * USD micros become a BigDecimal of scale 6.
 */
final class FocusFormat {
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MICROS_SCALE = 6;

    private FocusFormat() {
    }

    /** USD micros as USD with six decimals: 2500 is "0.002500", -1 is "-0.000001". */
    static String usd(long micros) {
        return BigDecimal.valueOf(micros, MICROS_SCALE).toPlainString();
    }

    /** Tokens counted in units of a million tokens, exactly: 1500 is "0.001500". */
    static String millionsOf(long tokens) {
        return BigDecimal.valueOf(tokens, MICROS_SCALE).toPlainString();
    }

    /** USD micros per million tokens as USD per million tokens: 3000000 is "3.000000". */
    static String usdPerMillion(long microsPerMillionTokens) {
        return usd(microsPerMillionTokens);
    }

    /** The start of {@code day} in UTC: "2026-09-01T00:00:00Z". */
    static String startOf(LocalDate day) {
        return UTC_SECONDS.format(day.atStartOfDay(ZoneOffset.UTC));
    }

    /**
     * Tags as a JSON object, keys sorted, with only the entries whose value is not null; null when none is left
     * (the column allows nulls, and FOCUS forbids an empty placeholder for a missing value).
     */
    static String tags(Map<String, String> tags) {
        TreeMap<String, String> present = new TreeMap<>();
        tags.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        if (present.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(present);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a map of strings always serializes", impossible);
        }
    }
}
