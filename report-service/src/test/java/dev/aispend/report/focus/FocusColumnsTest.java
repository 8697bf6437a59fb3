package dev.aispend.report.focus;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FocusColumnsTest {
    /** "Feature level: Mandatory" in FOCUS_Spec specification/columns/*.md at tag v1.2 (docs/focus.md). */
    private static final List<String> SPEC_MANDATORY = List.of("BilledCost", "BillingAccountId",
            "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory",
            "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
            "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName",
            "PublisherName", "ServiceCategory", "ServiceName");
    /** Of those, "Allows nulls: True": ChargeClass, ChargeDescription (SHOULD NOT), PricingQuantity, PricingUnit. */
    private static final List<String> SPEC_NULLABLE_MANDATORY = List.of("BillingAccountName", "ChargeClass",
            "ChargeDescription", "PricingQuantity", "PricingUnit");
    private static final List<String> OURS = List.of("ChargeFrequency", "ConsumedQuantity", "ConsumedUnit",
            "ServiceSubcategory", "SkuId", "SkuMeter", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags");
    private static final List<String> CUSTOM = List.of("x_InputTokens", "x_OutputTokens", "x_CacheReadTokens",
            "x_CacheWrite5mTokens", "x_CacheWrite1hTokens", "x_ReasoningTokens", "x_RateCardId",
            "x_RateCardVersion", "x_LedgerPositionAsOf");

    @Test
    void the_header_is_the_specs_mandatory_columns_and_ours_sorted_then_the_custom_ones() {
        TreeSet<String> focus = new TreeSet<>(SPEC_MANDATORY);
        focus.addAll(OURS);
        List<String> expected = new ArrayList<>(focus);
        expected.addAll(CUSTOM);

        assertThat(FocusColumns.ALL).containsExactlyElementsOf(expected);
        assertThat(FocusColumns.MANDATORY).containsExactlyInAnyOrderElementsOf(SPEC_MANDATORY);
        assertThat(FocusColumns.schema().getColumnNames()).containsExactlyElementsOf(expected);
    }

    @Test
    void the_not_null_mandatory_columns_are_the_mandatory_ones_the_spec_does_not_let_be_null() {
        List<String> notNull = new ArrayList<>(SPEC_MANDATORY);
        notNull.removeAll(SPEC_NULLABLE_MANDATORY);

        assertThat(FocusColumns.MANDATORY_NOT_NULL).containsExactlyInAnyOrderElementsOf(notNull);
    }

    @Test
    void custom_columns_carry_the_x_prefix_and_focus_columns_never_do() {
        assertThat(FocusColumns.CUSTOM).allMatch(column -> column.startsWith("x_"));
        assertThat(FocusColumns.ALL.subList(0, FocusColumns.ALL.size() - FocusColumns.CUSTOM.size()))
                .noneMatch(column -> column.startsWith("x_"));
        assertThat(FocusColumns.ALL).doesNotHaveDuplicates();
    }

    @Test
    void text_cells_that_would_start_a_formula_are_neutralised_and_figures_are_not() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("SkuId", "=HYPERLINK(\"http://x\")");
        row.put("SubAccountName", "@team");
        row.put("BilledCost", "-0.0005");
        row.put("x_InputTokens", "-100");
        row.put("ChargeClass", null);

        assertThat(FocusColumns.asWritten(row)).containsExactly(entry("SkuId", "'=HYPERLINK(\"http://x\")"),
                entry("SubAccountName", "'@team"), entry("BilledCost", "-0.0005"), entry("x_InputTokens", "-100"),
                entry("ChargeClass", null));
    }

    @Test
    void every_figure_column_is_a_column_of_the_export() {
        assertThat(FocusColumns.ALL).containsAll(FocusColumns.FIGURES);
    }
}
