package dev.aispend.platform.budget;

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

    private static final java.util.regex.Pattern SNAPSHOT_DATE =
            java.util.regex.Pattern.compile("-(?:\\d{8}|\\d{4}-\\d{2}-\\d{2})$");

    public static final BudgetScope ORGANIZATION = new BudgetScope(null, null, null, null, null);

    /** Whether spend with these attributes counts against this scope. A null attribute matches no given field. */
    public boolean covers(@Nullable String spendCostCenter, @Nullable String spendTeam,
                          @Nullable String spendPersonRef, @Nullable String spendPurpose,
                          @Nullable String spendModel) {
        return matches(costCenter, spendCostCenter) && matches(team, spendTeam)
                && matches(personRef, spendPersonRef) && matches(purpose, spendPurpose)
                && (matches(model, spendModel) || (spendModel != null && model.equals(undated(spendModel))));
    }

    /**
     * A model id without its snapshot date: {@code claude-opus-4-1-20250805} and {@code gpt-4o-2024-08-06} are
     * snapshots of {@code claude-opus-4-1} and {@code gpt-4o}, and clients (Claude Code's telemetry among them)
     * report the dated id. A budget on a model counts its snapshots; pure, so the evaluator, checks and a replay
     * agree without consulting rate cards.
     */
    static String undated(String model) {
        return SNAPSHOT_DATE.matcher(model).replaceFirst("");
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
