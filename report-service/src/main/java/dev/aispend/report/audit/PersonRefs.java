package dev.aispend.report.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Person-level data in recorded text and JSON, hidden from callers who may not see people: every pseudonymous
 * person or alias ref ({@code prs_…}, {@code als_…}, as ingest makes them) inside a string becomes
 * {@value #HIDDEN}, and so does the whole value of a field named like a person ({@code personRef},
 * {@code aliasRef}) whatever it holds. Map keys are hidden the same way; two keys hidden alike are kept apart as
 * {@code hidden#2}, {@code hidden#3}. Pure; the input is never changed.
 */
public final class PersonRefs {
    public static final String HIDDEN = "hidden";
    private static final Pattern REF = Pattern.compile("(?<![A-Za-z0-9])(?:prs|als)_[A-Za-z0-9]+");
    private static final Set<String> PERSON_FIELDS = Set.of("personRef", "aliasRef", "person", "alias");

    private PersonRefs() {
    }

    /** {@code text} with every person or alias ref replaced by {@value #HIDDEN}. */
    @Nullable
    public static String hide(@Nullable String text) {
        return text == null ? null : REF.matcher(text).replaceAll(HIDDEN);
    }

    /** Whether {@code text} holds a person or alias ref. */
    public static boolean mentionsPerson(@Nullable String text) {
        return text != null && REF.matcher(text).find();
    }

    /** A JSON value (maps, lists, strings, numbers, booleans, null) with person-level data hidden. */
    @Nullable
    public static Object hideIn(@Nullable Object value) {
        if (value instanceof String text) {
            return hide(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> hidden = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object field = PERSON_FIELDS.contains(key) && entry.getValue() != null ? HIDDEN
                        : hideIn(entry.getValue());
                hidden.put(distinct(hidden, hide(key)), field);
            }
            return hidden;
        }
        if (value instanceof List<?> list) {
            List<Object> hidden = new ArrayList<>(list.size());
            list.forEach(item -> hidden.add(hideIn(item)));
            return hidden;
        }
        return value;
    }

    private static String distinct(Map<String, Object> map, String key) {
        if (!map.containsKey(key)) {
            return key;
        }
        int suffix = 2;
        while (map.containsKey(key + "#" + suffix)) {
            suffix++;
        }
        return key + "#" + suffix;
    }
}
