package dev.aispend.platform.pricing;

import dev.aispend.platform.pricing.InvalidRateCardException.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aispend.platform.pricing.RateCardFixtures.problemsOf;
import static dev.aispend.platform.pricing.RateCardFixtures.sonnetContent;
import static org.assertj.core.api.Assertions.assertThat;

/** A card's optional source: every part optional, each validated, unknown fields refused. */
class RateCardSourceTest {
    private static final String PAGE = "https://www.anthropic.com/pricing";

    @Test
    void reads_the_documented_source_and_writes_it_back() {
        RateCard card = RateCard.parse(withSource(source("Anthropic pricing page", List.of(PAGE), "2026-11-01")));

        assertThat(card.source()).isEqualTo(new RateCardSource("Anthropic pricing page", List.of(PAGE),
                LocalDate.of(2026, 11, 1)));
        Map<String, Object> written = card.toContent();
        assertThat(written).containsKeys("provider", "source", "models");
        assertThat(RateCard.parse(written)).isEqualTo(card);
    }

    @Test
    void every_part_is_optional_and_a_card_without_a_source_writes_none() {
        assertThat(RateCard.parse(withSource(Map.of())).source()).isEqualTo(new RateCardSource(null, List.of(),
                null));
        assertThat(RateCard.parse(withSource(source(null, null, "2026-11-01"))).source().asOf())
                .isEqualTo(LocalDate.of(2026, 11, 1));
        RateCard withoutSource = RateCard.parse(sonnetContent());
        assertThat(withoutSource.source()).isNull();
        assertThat(withoutSource.toContent()).doesNotContainKey("source");
    }

    @Test
    void refuses_unknown_source_fields_and_a_source_that_is_not_an_object() {
        Map<String, Object> source = source("list", null, null);
        source.put("publishedBy", "anthropic");

        assertThat(problemsOf(withSource(source)))
                .containsExactly(new Problem("source.publishedBy", "is not a field of a rate card source"));
        Map<String, Object> text = sonnetContent();
        text.put("source", PAGE);
        assertThat(problemsOf(text)).containsExactly(new Problem("source", "must be an object"));
    }

    @Test
    void refuses_a_description_that_is_blank_too_long_or_not_text() {
        assertThat(problemsOf(withSource(source(" ", null, null))))
                .containsExactly(new Problem("source.description", "must not be blank"));
        assertThat(problemsOf(withSource(source("d".repeat(513), null, null))))
                .containsExactly(new Problem("source.description", "must be at most 512 characters"));
        assertThat(RateCard.parse(withSource(source("d".repeat(512), null, null))).source().description())
                .hasSize(512);
        Map<String, Object> number = source(null, null, null);
        number.put("description", 5);
        assertThat(problemsOf(withSource(number)))
                .containsExactly(new Problem("source.description", "must be a string"));
    }

    @Test
    void refuses_urls_that_are_not_http_addresses_naming_each_by_its_index() {
        List<String> urls = List.of(PAGE, "ftp://example.com/prices", "", "http://example.com/a b",
                "https://example.com/" + "p".repeat(493), "HTTP://EXAMPLE.COM/OK");

        assertThat(problemsOf(withSource(source(null, urls, null)))).containsExactly(
                new Problem("source.urls[1]", "must start with https:// or http://"),
                new Problem("source.urls[2]", "must not be blank"),
                new Problem("source.urls[3]", "must not contain whitespace or control characters"),
                new Problem("source.urls[4]", "must be at most 512 characters"));
    }

    @Test
    void refuses_more_than_ten_urls_and_urls_that_are_not_an_array() {
        List<String> eleven = new ArrayList<>();
        for (int index = 0; index < 11; index++) {
            eleven.add(PAGE + "#" + index);
        }

        assertThat(problemsOf(withSource(source(null, eleven, null))))
                .containsExactly(new Problem("source.urls", "may list at most 10 urls, had 11"));
        assertThat(RateCard.parse(withSource(source(null, eleven.subList(0, 10), null))).source().urls())
                .hasSize(10);
        Map<String, Object> single = source(null, null, null);
        single.put("urls", PAGE);
        assertThat(problemsOf(withSource(single)))
                .containsExactly(new Problem("source.urls", "must be an array of http(s) addresses"));
    }

    @Test
    void refuses_an_as_of_that_is_not_a_calendar_date_as_yyyy_mm_dd() {
        for (String notADate : List.of("2026-11-01T00:00:00Z", "01.11.2026", "+12026-11-01", "2026-1-1")) {
            assertThat(problemsOf(withSource(source(null, null, notADate)))).as(notADate)
                    .containsExactly(new Problem("source.asOf", "must be a date as YYYY-MM-DD"));
        }
        assertThat(problemsOf(withSource(source(null, null, "2026-02-30"))))
                .containsExactly(new Problem("source.asOf", "is not a date of the calendar: 2026-02-30"));
        Map<String, Object> number = source(null, null, null);
        number.put("asOf", 20261101);
        assertThat(problemsOf(withSource(number)))
                .containsExactly(new Problem("source.asOf", "must be a date as YYYY-MM-DD"));
    }

    private static Map<String, Object> source(String description, List<String> urls, String asOf) {
        Map<String, Object> source = new LinkedHashMap<>();
        if (description != null) {
            source.put("description", description);
        }
        if (urls != null) {
            source.put("urls", urls);
        }
        if (asOf != null) {
            source.put("asOf", asOf);
        }
        return source;
    }

    private static Map<String, Object> withSource(Map<String, Object> source) {
        Map<String, Object> content = sonnetContent();
        content.put("source", source);
        return content;
    }
}
