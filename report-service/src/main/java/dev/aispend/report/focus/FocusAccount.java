package dev.aispend.report.focus;

import java.util.Objects;

/**
 * The billing account every exported charge belongs to: the organisation whose AI spend the ledger records
 * (settings {@code report.focus.billing-account-id} and {@code report.focus.billing-account-name}).
 */
record FocusAccount(String billingAccountId, String billingAccountName) {
    static final FocusAccount DEFAULT = new FocusAccount("ai-spend-ledger", "AI spend ledger");

    FocusAccount {
        Objects.requireNonNull(billingAccountId, "billingAccountId");
        Objects.requireNonNull(billingAccountName, "billingAccountName");
        if (billingAccountId.isBlank() || billingAccountName.isBlank()) {
            throw new IllegalArgumentException("the billing account id and name must not be blank");
        }
    }
}
