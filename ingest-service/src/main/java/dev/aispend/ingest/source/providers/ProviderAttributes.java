package dev.aispend.ingest.source.providers;

import dev.aispend.ingest.acceptance.SubmissionRules;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extra attributes a provider report entry leaves on its record ({@code anthropic.workspace_id},
 * {@code openai.project_id}, ...): the report's group-by dimensions that are not ours, for reconciliation. Absent
 * values are left out; a value that would break the attribute rules (control characters) is left out rather than
 * refusing the page, and a long one is cut to the attribute value limit.
 */
public final class ProviderAttributes {
    private final Map<String, String> values = new LinkedHashMap<>();

    public ProviderAttributes put(String key, @Nullable Object value) {
        String text = value == null ? null : value.toString();
        if (text == null || text.isBlank() || !SubmissionRules.PRINTABLE.matcher(text).matches()) {
            return this;
        }
        values.put(key, text.length() <= SubmissionRules.MAX_ATTRIBUTE_VALUE_LENGTH ? text
                : text.substring(0, SubmissionRules.MAX_ATTRIBUTE_VALUE_LENGTH));
        return this;
    }

    /** Counts only when not zero: a zero says nothing a missing attribute does not. */
    public ProviderAttributes putCount(String key, long count) {
        return count == 0 ? this : put(key, count);
    }

    public Map<String, String> values() {
        return values;
    }
}
