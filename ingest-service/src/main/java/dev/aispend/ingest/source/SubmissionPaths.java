package dev.aispend.ingest.source;

import dev.aispend.ingest.acceptance.Locator;

import java.util.List;
import java.util.Map;

/**
 * A {@link Locator} for formats whose submissions do not line up one to one with their elements (a gateway batch
 * with skipped entries, a provider page of buckets and results): submission {@code i} came from
 * {@code paths.get(i)} ({@code data[0].results[3]}), and our field names are said in the format's own words
 * ({@code inputTokens} is {@code uncached_input_tokens}), so a client reads the refusal in its own format.
 */
public final class SubmissionPaths implements Locator {
    private final List<String> paths;
    private final Map<String, String> fieldNames;

    public SubmissionPaths(List<String> paths, Map<String, String> fieldNames) {
        this.paths = List.copyOf(paths);
        this.fieldNames = Map.copyOf(fieldNames);
    }

    @Override
    public String path(int index, String field) {
        String element = index >= 0 && index < paths.size() ? paths.get(index) : "[" + index + "]";
        String name = field == null || "$".equals(field) ? "" : fieldNames.getOrDefault(field, field);
        if (name.isEmpty()) {
            return element.isEmpty() ? "$" : element;
        }
        return element.isEmpty() ? name : element + "." + name;
    }
}
