package dev.aispend.report.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON as the read models keep it (JSONB columns: policy content and diffs, decision inputs and evidence), read
 * back into plain values (maps, lists, strings, numbers, booleans) for an answer, and written compactly for a CSV
 * cell. JSONB keeps no key order of its own: keys come back in PostgreSQL's (shorter first), the same every time.
 */
@Singleton
public class RecordedJson {
    private final JsonMapper json;

    public RecordedJson(JsonMapper json) {
        this.json = json;
    }

    @Nullable
    public Object read(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Object.class);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read recorded JSON", failure);
        }
    }

    /** A JSON object, or an empty map for null or anything else. */
    public Map<?, ?> object(@Nullable String text) {
        return read(text) instanceof Map<?, ?> map ? map : Map.of();
    }

    @Nullable
    public String write(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write JSON", failure);
        }
    }
}
