package dev.aispend.platform.pricing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads a rate card's optional {@code source} object for {@link RateCardParser}, reporting each problem by its
 * JSON path ({@code source.urls[1]}) to the parser's list rather than stopping at the first.
 */
final class RateCardSourceParser {
    static final String SOURCE = "source";

    private static final Set<String> FIELDS = Set.of(RateCardSource.DESCRIPTION, RateCardSource.URLS,
            RateCardSource.AS_OF);
    /** Exactly four digits of year: ISO_LOCAL_DATE alone would also take "+12026-01-01". */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}]");

    private final BiConsumer<String, String> problem;

    private RateCardSourceParser(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    /** The source, or null when the content has none (or it has problems, which were reported). */
    static RateCardSource read(Object value, BiConsumer<String, String> problem) {
        return value == null ? null : new RateCardSourceParser(problem).source(value);
    }

    private RateCardSource source(Object value) {
        if (!(value instanceof Map<?, ?> fields)) {
            problem.accept(SOURCE, "must be an object");
            return null;
        }
        boolean valid = true;
        for (Object field : fields.keySet()) {
            if (!FIELDS.contains(field)) {
                problem.accept(SOURCE + "." + field, "is not a field of a rate card source");
                valid = false;
            }
        }
        Object description = fields.get(RateCardSource.DESCRIPTION);
        valid &= description == null || text(description, SOURCE + "." + RateCardSource.DESCRIPTION) != null;
        List<String> urls = urls(fields.get(RateCardSource.URLS));
        LocalDate asOf = asOf(fields.get(RateCardSource.AS_OF));
        valid &= urls != null && (fields.get(RateCardSource.AS_OF) == null || asOf != null);
        return valid ? new RateCardSource((String) description, urls, asOf) : null;
    }

    private List<String> urls(Object value) {
        String path = SOURCE + "." + RateCardSource.URLS;
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            problem.accept(path, "must be an array of http(s) addresses");
            return null;
        }
        if (entries.size() > RateCardSource.MAX_URLS) {
            problem.accept(path, "may list at most " + RateCardSource.MAX_URLS + " urls, had " + entries.size());
            return null;
        }
        List<String> urls = new ArrayList<>(entries.size());
        boolean valid = true;
        for (int index = 0; index < entries.size(); index++) {
            String url = url(entries.get(index), path + "[" + index + "]");
            valid &= url != null;
            urls.add(url);
        }
        return valid ? urls : null;
    }

    private String url(Object value, String path) {
        String url = text(value, path);
        if (url == null) {
            return null;
        }
        if (!url.regionMatches(true, 0, "https://", 0, 8) && !url.regionMatches(true, 0, "http://", 0, 7)) {
            problem.accept(path, "must start with https:// or http://");
        } else if (WHITESPACE_OR_CONTROL.matcher(url).find()) {
            problem.accept(path, "must not contain whitespace or control characters");
        } else {
            return url;
        }
        return null;
    }

    private LocalDate asOf(Object value) {
        String path = SOURCE + "." + RateCardSource.AS_OF;
        if (value == null) {
            return null;
        }
        if (value instanceof String text && DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException invalid) {
                problem.accept(path, "is not a date of the calendar: " + text);
                return null;
            }
        }
        problem.accept(path, "must be a date as YYYY-MM-DD");
        return null;
    }

    private String text(Object value, String path) {
        if (!(value instanceof String text)) {
            problem.accept(path, "must be a string");
        } else if (text.isBlank()) {
            problem.accept(path, "must not be blank");
        } else if (text.length() > RateCardSource.MAX_TEXT_LENGTH) {
            problem.accept(path, "must be at most " + RateCardSource.MAX_TEXT_LENGTH + " characters");
        } else {
            return text;
        }
        return null;
    }
}
