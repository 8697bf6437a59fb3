package dev.aispend.platform.pricing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static dev.aispend.platform.pricing.RateCardFixtures.aliasedCard;
import static dev.aispend.platform.pricing.RateCardFixtures.card;
import static dev.aispend.platform.pricing.RateCardFixtures.flatPrice;
import static dev.aispend.platform.pricing.RateCardFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateCardBookTest {
    private static final String SONNET = "claude-sonnet-4-5";
    private static final String SNAPSHOT = "claude-sonnet-4-5-20250929";
    private static final Instant CHANGE = Instant.parse("2026-03-01T00:00:00Z");

    private final RateCardVersion march = version("anthropic-list", 2, "2026-03-01T00:00:00Z", 20,
            card("anthropic", SONNET, flatPrice(2)));
    private final RateCardBook book = RateCardBook.empty()
            .with(version("anthropic-list", 1, "2026-01-01T00:00:00Z", 10, card("anthropic", SONNET, flatPrice(1))))
            .with(march);

    @Test
    void a_version_effective_at_exactly_the_usage_instant_applies() {
        assertThat(book.lookup("anthropic", SONNET, CHANGE))
                .contains(new Priced(march, SONNET, flatPrice(2)));
    }

    @Test
    void a_usage_one_nanosecond_before_the_change_uses_the_old_version() {
        assertThat(priceOf(book.lookup("anthropic", SONNET, CHANGE.minusNanos(1)))).isEqualTo(1);
    }

    @Test
    void a_usage_before_any_version_takes_effect_is_not_priced() {
        assertThat(book.lookup("anthropic", SONNET, Instant.parse("2025-12-31T23:59:59Z"))).isEmpty();
    }

    @Test
    void versions_effective_at_the_same_instant_resolve_to_the_higher_version() {
        RateCardBook corrected = book.with(version("anthropic-list", 3, "2026-03-01T00:00:00Z", 30,
                card("anthropic", SONNET, flatPrice(3))));

        assertThat(priceOf(corrected.lookup("anthropic", SONNET, CHANGE))).isEqualTo(3);
    }

    @Test
    void a_back_dated_version_recorded_later_is_not_in_a_book_built_before_it_and_is_once_added() {
        RateCardVersion backDated = version("anthropic-list", 3, "2026-02-01T00:00:00Z", 30,
                card("anthropic", SONNET, flatPrice(3)));
        Instant february = Instant.parse("2026-02-15T00:00:00Z");

        RateCardBook later = book.with(backDated);

        assertThat(priceOf(book.lookup("anthropic", SONNET, february))).isEqualTo(1);
        assertThat(priceOf(later.lookup("anthropic", SONNET, february))).isEqualTo(3);
        // It covers only until the next effectiveFrom: March on, version 2 is still the one in force.
        assertThat(priceOf(later.lookup("anthropic", SONNET, CHANGE))).isEqualTo(2);
    }

    @Test
    void filters_by_provider_ignoring_case_and_takes_any_provider_when_none_is_given() {
        assertThat(book.lookup("Anthropic", SONNET, CHANGE)).isPresent();
        assertThat(book.lookup(null, SONNET, CHANGE)).isPresent();
        assertThat(book.lookup("bedrock", SONNET, CHANGE)).isEmpty();
    }

    @Test
    void the_provider_filter_skips_a_newer_card_of_another_provider() {
        RateCardBook withReseller = book.with(version("reseller", 1, "2026-03-01T00:00:01Z", 40,
                card("bedrock", SONNET, flatPrice(9))));
        Instant later = CHANGE.plusSeconds(60);

        assertThat(priceOf(withReseller.lookup(null, SONNET, later))).isEqualTo(9);
        assertThat(priceOf(withReseller.lookup("anthropic", SONNET, later))).isEqualTo(2);
    }

    @Test
    void a_model_dropped_by_the_in_force_version_is_not_priced_by_that_card_even_if_an_older_version_listed_it() {
        RateCardBook dropped = book.with(version("anthropic-list", 3, "2026-04-01T00:00:00Z", 30,
                card("anthropic", "claude-opus-4-1", flatPrice(3))));
        Instant april = Instant.parse("2026-04-02T00:00:00Z");

        assertThat(dropped.lookup("anthropic", SONNET, april)).isEmpty();
        assertThat(priceOf(dropped.lookup("anthropic", SONNET, april.minusSeconds(86_400 * 2)))).isEqualTo(2);
    }

    @Test
    void a_model_dropped_by_one_card_falls_back_to_another_card_whose_in_force_version_lists_it() {
        RateCardBook dropped = book
                .with(version("legacy", 1, "2025-06-01T00:00:00Z", 25, card("anthropic", SONNET, flatPrice(7))))
                .with(version("anthropic-list", 3, "2026-04-01T00:00:00Z", 30,
                        card("anthropic", "claude-opus-4-1", flatPrice(3))));

        assertThat(priceOf(dropped.lookup("anthropic", SONNET, Instant.parse("2026-04-02T00:00:00Z"))))
                .isEqualTo(7);
    }

    @Test
    void an_alias_prices_a_usage_exactly_like_its_model_and_names_the_model() {
        RateCardVersion aliased = version("anthropic-list", 3, "2026-04-01T00:00:00Z", 30,
                aliasedCard("anthropic", SONNET, flatPrice(3), SNAPSHOT));
        RateCardBook withAlias = book.with(aliased);
        Instant april = Instant.parse("2026-04-02T00:00:00Z");

        assertThat(withAlias.lookup("anthropic", SNAPSHOT, april))
                .contains(new Priced(aliased, SONNET, flatPrice(3)))
                .isEqualTo(withAlias.lookup("anthropic", SONNET, april));
        // Exact names, like models: another case is another name.
        assertThat(withAlias.lookup("anthropic", SNAPSHOT.toUpperCase(), april)).isEmpty();
    }

    @Test
    void an_alias_dropped_by_a_newer_version_stops_pricing_from_that_version_on() {
        RateCardBook dropped = book
                .with(version("anthropic-list", 3, "2026-04-01T00:00:00Z", 30,
                        aliasedCard("anthropic", SONNET, flatPrice(3), SNAPSHOT)))
                .with(version("anthropic-list", 4, "2026-05-01T00:00:00Z", 40,
                        card("anthropic", SONNET, flatPrice(4))));
        Instant may = Instant.parse("2026-05-01T00:00:00Z");

        assertThat(priceOf(dropped.lookup("anthropic", SNAPSHOT, may.minusNanos(1)))).isEqualTo(3);
        assertThat(dropped.lookup("anthropic", SNAPSHOT, may)).isEmpty();
        assertThat(priceOf(dropped.lookup("anthropic", SONNET, may))).isEqualTo(4);
    }

    @Test
    void a_card_pricing_a_name_as_an_alias_competes_with_a_card_listing_it_as_a_model_by_the_same_rule() {
        RateCardBook twoCards = RateCardBook.empty()
                .with(version("snapshots", 1, "2026-01-01T00:00:00Z", 5, card("anthropic", SNAPSHOT, flatPrice(5))))
                .with(version("list", 1, "2026-02-01T00:00:00Z", 6,
                        aliasedCard("anthropic", SONNET, flatPrice(6), SNAPSHOT)));

        assertThat(priceOf(twoCards.lookup(null, SNAPSHOT, CHANGE))).isEqualTo(6);
        assertThat(priceOf(twoCards.lookup(null, SNAPSHOT, Instant.parse("2026-01-15T00:00:00Z")))).isEqualTo(5);
    }

    @Test
    void among_cards_the_in_force_version_with_the_latest_effective_from_wins() {
        RateCardBook twoCards = RateCardBook.empty()
                .with(version("negotiated", 1, "2026-02-01T00:00:00Z", 5, card("anthropic", SONNET, flatPrice(4))))
                .with(version("list", 1, "2026-01-01T00:00:00Z", 6, card("anthropic", SONNET, flatPrice(5))));

        assertThat(priceOf(twoCards.lookup(null, SONNET, CHANGE))).isEqualTo(4);
    }

    @Test
    void equal_effective_from_goes_to_the_later_ledger_position_then_to_the_smaller_card_id() {
        RateCardBook tied = RateCardBook.empty()
                .with(version("b", 1, "2026-01-01T00:00:00Z", 6, card("anthropic", SONNET, flatPrice(6))))
                .with(version("a", 1, "2026-01-01T00:00:00Z", 5, card("anthropic", SONNET, flatPrice(5))));
        RateCardBook fullyTied = RateCardBook.empty()
                .with(version("b", 1, "2026-01-01T00:00:00Z", 5, card("anthropic", SONNET, flatPrice(6))))
                .with(version("a", 1, "2026-01-01T00:00:00Z", 5, card("anthropic", SONNET, flatPrice(5))));

        assertThat(tied.lookup(null, SONNET, CHANGE).orElseThrow().rateCard().rateCardId()).isEqualTo("b");
        assertThat(fullyTied.lookup(null, SONNET, CHANGE).orElseThrow().rateCard().rateCardId()).isEqualTo("a");
    }

    @Test
    void refuses_versions_of_one_card_out_of_version_or_ledger_order() {
        RateCard anyCard = card("anthropic", SONNET, flatPrice(1));

        assertThatThrownBy(() -> book.with(version("anthropic-list", 2, "2026-05-01T00:00:00Z", 30, anyCard)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not follow version 2");
        assertThatThrownBy(() -> book.with(version("anthropic-list", 3, "2026-05-01T00:00:00Z", 20, anyCard)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adding_leaves_the_earlier_book_unchanged() {
        RateCardBook bigger = book.with(version("other", 1, "2026-01-01T00:00:00Z", 40, card("x", "y", flatPrice(1))));

        assertThat(book.size()).isEqualTo(2);
        assertThat(bigger.size()).isEqualTo(3);
        assertThat(bigger.versionsOf("anthropic-list")).extracting(RateCardVersion::version).containsExactly(1L, 2L);
        assertThat(book.versionsOf("other")).isEmpty();
    }

    private static long priceOf(Optional<Priced> priced) {
        return priced.orElseThrow().price().inputUsdMicrosPerMillionTokens();
    }
}
