package dev.aispend.report.focus;

import dev.aispend.platform.pricing.ModelPrice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FocusRowsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);
    private static final ModelPrice PRICE = new ModelPrice(3_000_000, 15_000_000, 300_000, 3_750_000, 6_000_000,
            15_000_000);
    private final FocusRows rows = new FocusRows(new FocusAccount("acme", "Acme Corp"), 42);

    private static SpendGroup usage(String provider, String rateCardId, long cost, long... tokens) {
        return new SpendGroup(DAY, "platform", "eng-1", provider, "model-a", "coding", rateCardId,
                rateCardId == null ? null : 1L, false, null, tokens, cost);
    }

    private static SpendGroup repricing(YearMonth recorded, long cost) {
        return new SpendGroup(DAY, "platform", null, "anthropic", "model-a", null, "card-a", 2L, true, recorded,
                new long[6], cost);
    }

    /** The rows' BilledCost summed, in USD micros, read back from the text as a decimal (never a double). */
    private static long billed(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> new BigDecimal((String) row.get("BilledCost")))
                .reduce(BigDecimal.ZERO, BigDecimal::add).movePointRight(6).longValueExact();
    }

    @Test
    void priced_usage_is_one_row_per_token_type_with_the_cost_split_exactly() {
        List<Map<String, Object>> result = rows.of(usage("anthropic", "card-a", 7_502, 1_000, 200, 5_007, 0, 0, 0),
                GroupPrice.priced(PRICE, "anthropic"));

        assertThat(result).extracting(row -> row.get("SkuPriceId"))
                .containsExactly("model-a:input", "model-a:output", "model-a:cacheRead");
        assertThat(result).extracting(row -> row.get("BilledCost")).containsExactly("0.003000", "0.003000", "0.001502");
        assertThat(billed(result)).isEqualTo(7_502);
        Map<String, Object> cacheRead = result.get(2);
        assertThat(cacheRead).containsEntry("ConsumedQuantity", "5007").containsEntry("ConsumedUnit", "Tokens")
                .containsEntry("PricingQuantity", "0.005007").containsEntry("PricingUnit", "1000000 Tokens")
                .containsEntry("EffectiveCost", "0.001502").containsEntry("ListCost", "0.001502")
                .containsEntry("ContractedCost", "0.001502").containsEntry("ChargeCategory", "Usage")
                .containsEntry("ChargeClass", null).containsEntry("ChargeFrequency", "Usage-Based")
                .containsEntry("x_CacheReadTokens", "5007").containsEntry("x_InputTokens", "0")
                .containsEntry("x_RateCardId", "card-a").containsEntry("x_RateCardVersion", "1")
                .containsEntry("x_LedgerPositionAsOf", "42").containsEntry("SkuId", "model-a")
                .containsEntry("BillingAccountId", "acme").containsEntry("BillingCurrency", "USD")
                .containsEntry("ProviderName", "anthropic").containsEntry("ServiceName", "anthropic API")
                .containsEntry("ServiceCategory", "AI and Machine Learning").containsEntry("SubAccountId", "platform")
                .containsEntry("Tags", "{\"costCenter\":\"eng-1\",\"purpose\":\"coding\",\"team\":\"platform\"}")
                .containsEntry("ChargePeriodStart", "2026-09-01T00:00:00Z")
                .containsEntry("ChargePeriodEnd", "2026-09-02T00:00:00Z")
                .containsEntry("BillingPeriodStart", "2026-09-01T00:00:00Z")
                .containsEntry("BillingPeriodEnd", "2026-10-01T00:00:00Z")
                .containsEntry("ChargeDescription",
                        "Cache read tokens of model-a at 0.300000 USD per million tokens (rate card card-a v1)");
        assertThat(cacheRead.keySet()).containsExactlyInAnyOrderElementsOf(FocusColumns.ALL);
    }

    @Test
    void unpriced_usage_costs_nothing_on_every_row() {
        List<Map<String, Object>> result = rows.of(usage("openai", null, 0, 400, 0, 0, 0, 0, 10),
                GroupPrice.unpriced());

        assertThat(result).extracting(row -> row.get("SkuPriceId")).containsExactly("model-a:input",
                "model-a:reasoning");
        assertThat(result).extracting(row -> row.get("BilledCost")).containsOnly("0.000000");
        assertThat(result.get(0)).containsEntry("x_RateCardId", null).containsEntry("x_RateCardVersion", null)
                .containsEntry("ChargeDescription", "Input tokens of model-a, unpriced: no rate card covered the"
                        + " model when the usage was recorded");
    }

    @Test
    void a_card_that_cannot_be_read_puts_the_whole_cost_on_the_first_row_with_tokens() {
        List<Map<String, Object>> result = rows.of(usage("anthropic", "card-gone", 1_800, 0, 100, 0, 0, 0, 100),
                GroupPrice.notFound(null));

        assertThat(result).extracting(row -> row.get("BilledCost")).containsExactly("0.001800", "0.000000");
        assertThat((String) result.get(0).get("ChargeDescription")).isEqualTo("Output tokens of model-a priced by"
                + " rate card card-gone v1, which this export could not read; the cost is not split by token type:"
                + " all of it is on the output tokens row");
    }

    @Test
    void usage_that_nets_to_nothing_has_no_rows() {
        assertThat(rows.of(usage("anthropic", "card-a", 0, 0, 0, 0, 0, 0, 0), GroupPrice.priced(PRICE, "x")))
                .isEmpty();
    }

    @Test
    void a_repricing_within_the_billing_period_is_an_adjustment_of_that_period() {
        List<Map<String, Object>> result = rows.of(repricing(YearMonth.of(2026, 9), -500),
                GroupPrice.priced(PRICE, "anthropic"));

        assertThat(result).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("ChargeCategory", "Adjustment").containsEntry("ChargeClass", null)
                .containsEntry("ChargeFrequency", "One-Time").containsEntry("BilledCost", "-0.000500")
                .containsEntry("ConsumedQuantity", null).containsEntry("PricingQuantity", null)
                .containsEntry("PricingUnit", null).containsEntry("SkuPriceId", null)
                .containsEntry("BillingPeriodStart", "2026-09-01T00:00:00Z")
                .containsEntry("ChargePeriodStart", "2026-09-01T00:00:00Z")
                .containsEntry("Tags", "{\"team\":\"platform\"}")
                .containsEntry("ChargeDescription", "Re-pricing of model-a usage of 2026-09-01 with rate card"
                        + " card-a v2"));
    }

    @Test
    void a_repricing_recorded_after_its_billing_period_is_a_correction_billed_in_the_month_recorded() {
        List<Map<String, Object>> result = rows.of(repricing(YearMonth.of(2026, 11), 250),
                GroupPrice.priced(PRICE, "anthropic"));

        assertThat(result).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("ChargeCategory", "Adjustment").containsEntry("ChargeClass", "Correction")
                .containsEntry("BilledCost", "0.000250")
                .containsEntry("BillingPeriodStart", "2026-11-01T00:00:00Z")
                .containsEntry("BillingPeriodEnd", "2026-12-01T00:00:00Z")
                .containsEntry("ChargePeriodStart", "2026-09-01T00:00:00Z")
                .containsEntry("ChargePeriodEnd", "2026-09-02T00:00:00Z"));
    }

    @Test
    void the_provider_is_the_spends_else_its_cards_else_unknown() {
        SpendGroup withoutProvider = usage(null, "card-a", 0, 1, 0, 0, 0, 0, 0);

        assertThat(FocusRows.providerName(withoutProvider, GroupPrice.priced(PRICE, "anthropic")))
                .isEqualTo("anthropic");
        assertThat(FocusRows.providerName(withoutProvider, GroupPrice.unpriced())).isEqualTo("unknown");
        assertThat(FocusRows.providerName(usage("openai", null, 0, 1, 0, 0, 0, 0, 0),
                GroupPrice.priced(PRICE, "anthropic"))).isEqualTo("openai");
    }
}
