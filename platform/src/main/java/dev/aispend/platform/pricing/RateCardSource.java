package dev.aispend.platform.pricing;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a rate card's prices come from, so a reader can check them against the provider: a description (such as
 * "Anthropic pricing page"), the pages it was read from, and the date it was read. Every part is optional and
 * none of it changes a price; it is what makes a price auditable. Content rules: {@link RateCard#parse}.
 *
 * @param description 1..{@value #MAX_TEXT_LENGTH} characters, or null
 * @param urls        0..{@value #MAX_URLS} http(s) addresses of 1..{@value #MAX_TEXT_LENGTH} characters
 * @param asOf        the day the prices were read from the source, or null
 */
public record RateCardSource(@Nullable String description, List<String> urls, @Nullable LocalDate asOf) {
    /** Long enough for a sentence or a deep link, short enough that a card stays a price list. */
    public static final int MAX_TEXT_LENGTH = 512;
    /** A card cites a pricing page or a few; more is a sign of a pasted list, not of sources. */
    public static final int MAX_URLS = 10;

    static final String DESCRIPTION = "description";
    static final String URLS = "urls";
    static final String AS_OF = "asOf";

    public RateCardSource {
        urls = urls == null ? List.of() : List.copyOf(urls);
        if (description != null && (description.isBlank() || description.length() > MAX_TEXT_LENGTH)) {
            throw new IllegalArgumentException("a source description has 1.." + MAX_TEXT_LENGTH + " characters");
        }
        if (urls.size() > MAX_URLS) {
            throw new IllegalArgumentException("a source cites at most " + MAX_URLS + " urls, had " + urls.size());
        }
    }

    /** As content: only the parts that are given, {@code asOf} as {@code YYYY-MM-DD}. */
    Map<String, Object> toContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        if (description != null) {
            content.put(DESCRIPTION, description);
        }
        if (!urls.isEmpty()) {
            content.put(URLS, urls);
        }
        if (asOf != null) {
            content.put(AS_OF, asOf.toString());
        }
        return content;
    }
}
