package dev.aispend.policy.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;

/**
 * Which spend a budget counts: every field given must equal the spend's (exactly, case-sensitive); a field left
 * out matches anything, so an empty scope is the whole organization. A spend's team and cost center are the ones
 * the ledger recorded with it (attribution at the time of use); a check names its person, whose team and cost
 * center policy-service takes from the identity links in the ledger when the check leaves them out, so a
 * person's spend can never slip past the budgets of their team (the bypass in LiteLLM #11962).
 */
@Serdeable
public record BudgetScope(
        @Nullable String costCenter,
        @Nullable String team,
        @Nullable String personRef,
        @Nullable String purpose,
        @Nullable String model) {

    public static final BudgetScope ORGANIZATION = new BudgetScope(null, null, null, null, null);

    /** Whether spend with these attributes counts against this scope. A null attribute matches no given field. */
    public boolean covers(@Nullable String spendCostCenter, @Nullable String spendTeam,
                          @Nullable String spendPersonRef, @Nullable String spendPurpose,
                          @Nullable String spendModel) {
        return matches(costCenter, spendCostCenter) && matches(team, spendTeam)
                && matches(personRef, spendPersonRef) && matches(purpose, spendPurpose)
                && matches(model, spendModel);
    }

    private static boolean matches(@Nullable String required, @Nullable String actual) {
        return required == null || Objects.equals(required, actual);
    }

    /** A short label for people: {@code organization} or {@code team=platform, purpose=coding}. */
    public String label() {
        StringBuilder label = new StringBuilder();
        append(label, "costCenter", costCenter);
        append(label, "team", team);
        append(label, "personRef", personRef);
        append(label, "purpose", purpose);
        append(label, "model", model);
        return label.isEmpty() ? "organization" : label.toString();
    }

    private static void append(StringBuilder label, String name, @Nullable String value) {
        if (value != null) {
            label.append(label.isEmpty() ? "" : ", ").append(name).append('=').append(value);
        }
    }
}
