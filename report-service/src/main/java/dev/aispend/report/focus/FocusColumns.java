package dev.aispend.report.focus;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aispend.platform.csv.CsvCells;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The columns of the FOCUS 1.2 export and their order (docs/focus.md says why each is there). FOCUS columns come
 * first, sorted alphabetically, then the custom {@code x_} columns, as the spec's Column Handling attribute asks
 * ("custom columns SHOULD be listed after all FOCUS columns"; "columns MAY be sorted alphabetically").
 */
final class FocusColumns {
    static final String BILLED_COST = "BilledCost";
    static final String BILLING_ACCOUNT_ID = "BillingAccountId";
    static final String BILLING_ACCOUNT_NAME = "BillingAccountName";
    static final String BILLING_CURRENCY = "BillingCurrency";
    static final String BILLING_PERIOD_END = "BillingPeriodEnd";
    static final String BILLING_PERIOD_START = "BillingPeriodStart";
    static final String CHARGE_CATEGORY = "ChargeCategory";
    static final String CHARGE_CLASS = "ChargeClass";
    static final String CHARGE_DESCRIPTION = "ChargeDescription";
    static final String CHARGE_FREQUENCY = "ChargeFrequency";
    static final String CHARGE_PERIOD_END = "ChargePeriodEnd";
    static final String CHARGE_PERIOD_START = "ChargePeriodStart";
    static final String CONSUMED_QUANTITY = "ConsumedQuantity";
    static final String CONSUMED_UNIT = "ConsumedUnit";
    static final String CONTRACTED_COST = "ContractedCost";
    static final String EFFECTIVE_COST = "EffectiveCost";
    static final String INVOICE_ISSUER_NAME = "InvoiceIssuerName";
    static final String LIST_COST = "ListCost";
    static final String PRICING_QUANTITY = "PricingQuantity";
    static final String PRICING_UNIT = "PricingUnit";
    static final String PROVIDER_NAME = "ProviderName";
    static final String PUBLISHER_NAME = "PublisherName";
    static final String SERVICE_CATEGORY = "ServiceCategory";
    static final String SERVICE_NAME = "ServiceName";
    static final String SERVICE_SUBCATEGORY = "ServiceSubcategory";
    static final String SKU_ID = "SkuId";
    static final String SKU_METER = "SkuMeter";
    static final String SKU_PRICE_ID = "SkuPriceId";
    static final String SUB_ACCOUNT_ID = "SubAccountId";
    static final String SUB_ACCOUNT_NAME = "SubAccountName";
    static final String TAGS = "Tags";

    static final String X_RATE_CARD_ID = "x_RateCardId";
    static final String X_RATE_CARD_VERSION = "x_RateCardVersion";
    static final String X_LEDGER_POSITION_AS_OF = "x_LedgerPositionAsOf";

    /** Every column FOCUS 1.2 marks "Feature level: Mandatory" (specification/columns/*.md at tag v1.2). */
    static final Set<String> MANDATORY = Set.of(BILLED_COST, BILLING_ACCOUNT_ID, BILLING_ACCOUNT_NAME,
            BILLING_CURRENCY, BILLING_PERIOD_END, BILLING_PERIOD_START, CHARGE_CATEGORY, CHARGE_CLASS,
            CHARGE_DESCRIPTION, CHARGE_PERIOD_END, CHARGE_PERIOD_START, CONTRACTED_COST, EFFECTIVE_COST,
            INVOICE_ISSUER_NAME, LIST_COST, PRICING_QUANTITY, PRICING_UNIT, PROVIDER_NAME, PUBLISHER_NAME,
            SERVICE_CATEGORY, SERVICE_NAME);

    /** Mandatory columns the spec says MUST NOT be null ("Allows nulls: False"). */
    static final Set<String> MANDATORY_NOT_NULL = Set.of(BILLED_COST, BILLING_ACCOUNT_ID, BILLING_CURRENCY,
            BILLING_PERIOD_END, BILLING_PERIOD_START, CHARGE_CATEGORY, CHARGE_PERIOD_END, CHARGE_PERIOD_START,
            CONTRACTED_COST, EFFECTIVE_COST, INVOICE_ISSUER_NAME, LIST_COST, PROVIDER_NAME, PUBLISHER_NAME,
            SERVICE_CATEGORY, SERVICE_NAME);

    /** The Recommended and Conditional columns whose condition holds for this data (docs/focus.md). */
    static final Set<String> OPTIONAL = Set.of(CHARGE_FREQUENCY, CONSUMED_QUANTITY, CONSUMED_UNIT,
            SERVICE_SUBCATEGORY, SKU_ID, SKU_METER, SKU_PRICE_ID, SUB_ACCOUNT_ID, SUB_ACCOUNT_NAME, TAGS);

    /** Our own columns, after the FOCUS ones: the token columns in {@link TokenType} order, then provenance. */
    static final List<String> CUSTOM = custom();

    /** The header, in order. */
    static final List<String> ALL = all();

    /**
     * The columns this export formats itself: amounts, quantities, token counts, the card version, the ledger
     * position and the period instants. Written as they are, so a negative Adjustment stays a number; every other
     * column is text and is neutralised against formula injection ({@link CsvCells}).
     */
    static final Set<String> FIGURES = figures();

    private FocusColumns() {
    }

    /** The CSV layout: every column, in order, with a header line. */
    static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true);
        ALL.forEach(builder::addColumn);
        return builder.build();
    }

    /** {@code row} as written: its text cells neutralised, its figures as they are. */
    static Map<String, Object> asWritten(Map<String, Object> row) {
        Map<String, Object> written = new LinkedHashMap<>(row);
        written.replaceAll((column, value) -> FIGURES.contains(column) || value == null ? value
                : CsvCells.text(value.toString()));
        return written;
    }

    private static Set<String> figures() {
        Set<String> figures = new HashSet<>(Set.of(BILLED_COST, EFFECTIVE_COST, LIST_COST, CONTRACTED_COST,
                CONSUMED_QUANTITY, PRICING_QUANTITY, BILLING_PERIOD_START, BILLING_PERIOD_END, CHARGE_PERIOD_START,
                CHARGE_PERIOD_END, X_RATE_CARD_VERSION, X_LEDGER_POSITION_AS_OF));
        for (TokenType type : TokenType.values()) {
            figures.add(type.column());
        }
        return Set.copyOf(figures);
    }

    private static List<String> custom() {
        List<String> custom = new ArrayList<>();
        for (TokenType type : TokenType.values()) {
            custom.add(type.column());
        }
        custom.addAll(List.of(X_RATE_CARD_ID, X_RATE_CARD_VERSION, X_LEDGER_POSITION_AS_OF));
        return List.copyOf(custom);
    }

    private static List<String> all() {
        Set<String> focus = new TreeSet<>(MANDATORY);
        focus.addAll(OPTIONAL);
        List<String> all = new ArrayList<>(focus);
        all.addAll(CUSTOM);
        return List.copyOf(all);
    }
}
