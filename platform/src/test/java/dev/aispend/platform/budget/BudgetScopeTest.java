package dev.aispend.platform.budget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which spend a scope counts. */
class BudgetScopeTest {
    private static final BudgetScope OPUS = new BudgetScope(null, "platform", null, null, "claude-opus-4-1");

    @Test
    void the_organization_covers_everything() {
        assertThat(BudgetScope.ORGANIZATION.covers(null, "any", "prs_a", null, "any-model")).isTrue();
    }

    @Test
    void every_field_given_must_match_exactly() {
        assertThat(OPUS.covers(null, "platform", "prs_a", "coding", "claude-opus-4-1")).isTrue();
        assertThat(OPUS.covers(null, "data", "prs_a", "coding", "claude-opus-4-1")).isFalse();
        assertThat(OPUS.covers(null, "Platform", "prs_a", "coding", "claude-opus-4-1")).isFalse();
        assertThat(OPUS.covers(null, "platform", "prs_a", "coding", null)).isFalse();
    }

    @Test
    void a_budget_on_a_model_counts_its_dated_snapshots_as_clients_report_them() {
        assertThat(OPUS.covers(null, "platform", null, null, "claude-opus-4-1-20250805")).isTrue();
        BudgetScope gpt = new BudgetScope(null, null, null, null, "gpt-4o");
        assertThat(gpt.covers(null, "t", null, null, "gpt-4o-2024-08-06")).isTrue();
        // Another model that merely starts alike is not a snapshot.
        assertThat(gpt.covers(null, "t", null, null, "gpt-4o-mini")).isFalse();
        assertThat(gpt.covers(null, "t", null, null, "gpt-4o-mini-2024-07-18")).isFalse();
        assertThat(OPUS.covers(null, "platform", null, null, "claude-opus-4-1-2025")).isFalse();
    }

    @Test
    void labels_the_scope_for_people() {
        assertThat(OPUS.label()).isEqualTo("team=platform, model=claude-opus-4-1");
        assertThat(BudgetScope.ORGANIZATION.label()).isEqualTo("organization");
    }
}
