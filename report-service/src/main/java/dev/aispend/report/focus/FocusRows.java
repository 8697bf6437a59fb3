package dev.aispend.report.focus;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aispend.report.focus.FocusColumns.*;

/**
 * Turns one {@link SpendGroup} into FOCUS rows (docs/focus.md, column by column). Usage becomes one row per token
 * type with tokens or cost, the group's cost split over them by each type's tokens times its price on the recorded
 * card, so the rows sum exactly to the recorded cost ({@link CostSplit}); a re-pricing becomes one Adjustment row.
 * A group carries no person ref, so none can be written. Pure: the same group, price and position give the same
 * rows.
 */
final class FocusRows {
    static final String CURRENCY = "USD";
    static final String SERVICE_CATEGORY_AI = "AI and Machine Learning";
    static final String SERVICE_SUBCATEGORY_GENERATIVE_AI = "Generative AI";
    static final String USAGE = "Usage";
    static final String ADJUSTMENT = "Adjustment";
    static final String CORRECTION = "Correction";
    static final String USAGE_BASED = "Usage-Based";
    static final String ONE_TIME = "One-Time";
    static final String TOKENS = "Tokens";
    static final String MILLION_TOKENS = "1000000 Tokens";
    /** ProviderName when neither the spend nor its card names one: the column must not be null. */
    static final String UNKNOWN_PROVIDER = "unknown";

    private final FocusAccount account;
    private final long asOfPosition;

    FocusRows(FocusAccount account, long asOfPosition) {
        this.account = account;
        this.asOfPosition = asOfPosition;
    }

    /** The rows of {@code group}, in {@link TokenType} order; none when it nets to nothing. */
    List<Map<String, Object>> of(SpendGroup group, GroupPrice price) {
        if (group.repricing()) {
            return group.costUsdMicros() == 0 ? List.of() : List.of(adjustment(group, price));
        }
        Split split = split(group, price);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TokenType type : TokenType.values()) {
            long cost = split.costs()[type.ordinal()];
            if (group.tokens(type) != 0 || cost != 0) {
                rows.add(usage(group, price, type, cost, split));
            }
        }
        return rows;
    }

    /** The group's cost by token type, and the type carrying all of it when it could not be split. */
    record Split(long[] costs, TokenType wholeCostOn) {
    }

    static Split split(SpendGroup group, GroupPrice price) {
        int types = TokenType.values().length;
        BigInteger[] weights = new BigInteger[types];
        for (TokenType type : TokenType.values()) {
            long typePrice = price.price() == null ? 0 : type.priceOf(price.price());
            weights[type.ordinal()] = BigInteger.valueOf(group.tokens(type)).multiply(BigInteger.valueOf(typePrice));
        }
        long cost = group.costUsdMicros();
        if (price.status() != GroupPrice.Status.NOT_FOUND && CostSplit.splittable(cost, weights)) {
            return new Split(CostSplit.byWeights(cost, weights), null);
        }
        TokenType first = firstWithTokens(group);
        return new Split(CostSplit.allOn(cost, first.ordinal(), types), first);
    }

    private static TokenType firstWithTokens(SpendGroup group) {
        for (TokenType type : TokenType.values()) {
            if (group.tokens(type) != 0) {
                return type;
            }
        }
        return TokenType.INPUT;
    }

    private Map<String, Object> usage(SpendGroup group, GroupPrice price, TokenType type, long cost, Split split) {
        Map<String, Object> row = common(group, price, cost);
        long tokens = group.tokens(type);
        row.put(CHARGE_CATEGORY, USAGE);
        row.put(CHARGE_CLASS, null);
        row.put(CHARGE_FREQUENCY, USAGE_BASED);
        row.put(CHARGE_DESCRIPTION, usageDescription(group, price, type, split));
        row.put(CONSUMED_QUANTITY, Long.toString(tokens));
        row.put(CONSUMED_UNIT, TOKENS);
        row.put(PRICING_QUANTITY, FocusFormat.millionsOf(tokens));
        row.put(PRICING_UNIT, MILLION_TOKENS);
        row.put(SKU_PRICE_ID, group.model() + ":" + type.id());
        for (TokenType column : TokenType.values()) {
            row.put(column.column(), Long.toString(column == type ? tokens : 0));
        }
        return row;
    }

    private Map<String, Object> adjustment(SpendGroup group, GroupPrice price) {
        Map<String, Object> row = common(group, price, group.costUsdMicros());
        row.put(CHARGE_CATEGORY, ADJUSTMENT);
        row.put(CHARGE_CLASS, group.correction() ? CORRECTION : null);
        row.put(CHARGE_FREQUENCY, ONE_TIME);
        String card = group.priced() ? "rate card " + card(group) : "no rate card";
        row.put(CHARGE_DESCRIPTION, "Re-pricing of " + group.model() + " usage of " + group.day() + " with " + card
                + (group.correction() ? ", recorded in " + group.recordedMonth() + " after that billing period"
                : ""));
        // An Adjustment has no consumed quantity (FOCUS: null unless the category is Usage), nor a SKU price.
        row.put(CONSUMED_QUANTITY, null);
        row.put(CONSUMED_UNIT, null);
        row.put(PRICING_QUANTITY, null);
        row.put(PRICING_UNIT, null);
        row.put(SKU_PRICE_ID, null);
        for (TokenType column : TokenType.values()) {
            row.put(column.column(), Long.toString(group.tokens(column)));
        }
        return row;
    }

    /** The columns every row of the group shares; all four costs are the ledger's recorded cost. */
    private Map<String, Object> common(SpendGroup group, GroupPrice price, long costUsdMicros) {
        Map<String, Object> row = new LinkedHashMap<>();
        String cost = FocusFormat.usd(costUsdMicros);
        row.put(BILLED_COST, cost);
        row.put(EFFECTIVE_COST, cost);
        row.put(LIST_COST, cost);
        row.put(CONTRACTED_COST, cost);
        row.put(BILLING_ACCOUNT_ID, account.billingAccountId());
        row.put(BILLING_ACCOUNT_NAME, account.billingAccountName());
        row.put(BILLING_CURRENCY, CURRENCY);
        LocalDate billingStart = group.billingMonth().atDay(1);
        row.put(BILLING_PERIOD_START, FocusFormat.startOf(billingStart));
        row.put(BILLING_PERIOD_END, FocusFormat.startOf(billingStart.plusMonths(1)));
        row.put(CHARGE_PERIOD_START, FocusFormat.startOf(group.day()));
        row.put(CHARGE_PERIOD_END, FocusFormat.startOf(group.day().plusDays(1)));
        String provider = providerName(group, price);
        row.put(PROVIDER_NAME, provider);
        row.put(PUBLISHER_NAME, provider);
        row.put(INVOICE_ISSUER_NAME, provider);
        row.put(SERVICE_CATEGORY, SERVICE_CATEGORY_AI);
        row.put(SERVICE_SUBCATEGORY, SERVICE_SUBCATEGORY_GENERATIVE_AI);
        row.put(SERVICE_NAME, provider + " API");
        row.put(SKU_ID, group.model());
        row.put(SKU_METER, TOKENS);
        row.put(SUB_ACCOUNT_ID, group.team());
        row.put(SUB_ACCOUNT_NAME, group.team());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", group.team());
        tags.put("costCenter", group.costCenter());
        tags.put("purpose", group.purpose());
        row.put(TAGS, FocusFormat.tags(tags));
        row.put(X_RATE_CARD_ID, group.rateCardId());
        row.put(X_RATE_CARD_VERSION, group.rateCardVersion() == null ? null : group.rateCardVersion().toString());
        row.put(X_LEDGER_POSITION_AS_OF, Long.toString(asOfPosition));
        return row;
    }

    /** The spend's provider; else the provider its card names; else {@link #UNKNOWN_PROVIDER}. */
    static String providerName(SpendGroup group, GroupPrice price) {
        if (group.provider() != null) {
            return group.provider();
        }
        return price.cardProvider() != null ? price.cardProvider() : UNKNOWN_PROVIDER;
    }

    private static String usageDescription(SpendGroup group, GroupPrice price, TokenType type, Split split) {
        String what = capitalized(type.description()) + " of " + group.model();
        String described = switch (price.status()) {
            case UNPRICED -> what + ", unpriced: no rate card covered the model when the usage was recorded";
            case NOT_FOUND -> what + " priced by rate card " + card(group) + ", which this export could not read";
            case PRICED -> what + " at " + FocusFormat.usdPerMillion(type.priceOf(price.price()))
                    + " USD per million tokens (rate card " + card(group) + ")";
        };
        if (split.wholeCostOn() == null || group.costUsdMicros() == 0) {
            return described;
        }
        return described + "; the cost is not split by token type: all of it is on the "
                + split.wholeCostOn().description() + " row";
    }

    private static String card(SpendGroup group) {
        return group.rateCardId() + " v" + group.rateCardVersion();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
