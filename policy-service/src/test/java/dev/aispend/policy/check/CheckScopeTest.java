package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.pricing.ModelPrice;
import dev.aispend.platform.pricing.RateCard;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import dev.aispend.platform.web.FieldError;
import dev.aispend.platform.budget.BudgetDefinition;
import dev.aispend.platform.budget.BudgetPeriod;
import dev.aispend.platform.budget.BudgetScope;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.platform.budget.PeriodUnit;
import dev.aispend.policy.rules.PersonAttribution;
import dev.aispend.policy.rules.RulesSnapshot;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.check.Budgets.hardCapped;
import static dev.aispend.policy.check.Budgets.retired;
import static dev.aispend.policy.check.Budgets.soft;
import static dev.aispend.policy.check.Budgets.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which budgets cover a check, in which period, and what its tokens cost. */
class CheckScopeTest {
    private static final Instant CHECKED_AT = Instant.parse("2026-11-30T23:30:00Z");
    private static final long MAX_COST = CheckConfiguration.defaults().maxEstimatedCostUsdMicros();
    private static final RateCardBook CARDS = RateCardBook.empty().with(new RateCardVersion("anthropic", 1,
            Instant.parse("2026-01-01T00:00:00Z"), 3, new RateCard("anthropic", Map.of("claude-sonnet-4-5",
            new ModelPrice(3_000_000, 15_000_000, 300_000, 3_750_000, 6_000_000, 15_000_000)))));

    private final BudgetVersion organization = hardCapped("org", BudgetScope.ORGANIZATION, 1_000_000);
    private final BudgetVersion platform = hardCapped("platform", team("platform"), 1_000);
    private final BudgetVersion data = hardCapped("data", team("data"), 1_000);
    private final BudgetVersion finance = hardCapped("finance", new BudgetScope("cc-7", null, null, null, null), 1);
    // Narrower budgets without a hard cap: a check that leaves out their field is not held against them.
    private final BudgetVersion coding = soft("coding", new BudgetScope(null, "platform", null, "coding",
            null), 1);
    private final BudgetVersion person = soft("alice", new BudgetScope(null, null, "prs_alice", null, null), 1);
    private final BudgetVersion sonnet = soft("sonnet", new BudgetScope(null, null, null, null,
            "claude-sonnet-4-5"), 1);
    private final BudgetVersion old = retired("old", team("platform"), 1);
    private final RulesSnapshot rules = new RulesSnapshot(42, List.of(organization, platform, data, finance, coding,
            person, sonnet, old), CARDS, Map.of("prs_alice", new PersonAttribution("prs_alice", "data", "cc-7")));

    @Test
    void a_team_check_is_held_against_its_team_and_the_organization_but_not_retired_or_narrower_budgets() {
        ScopedCheck check = resolve(cost("platform", null, null));

        assertThat(budgetIds(check)).containsExactly("org", "platform");
        assertThat(check.rulesPosition()).isEqualTo(42);
        assertThat(check.estimatedCostUsdMicros()).isEqualTo(100);
        assertThat(check.rateCard()).isNull();
    }

    @Test
    void a_purpose_brings_in_the_budgets_of_that_purpose() {
        assertThat(budgetIds(resolve(cost("platform", null, "coding")))).containsExactly("coding", "org",
                "platform");
    }

    @Test
    void a_person_is_held_against_the_team_and_cost_center_the_ledger_attributes_to_them() {
        ScopedCheck check = resolve(cost(null, "prs_alice", null));

        assertThat(budgetIds(check)).containsExactly("alice", "data", "finance", "org");
        assertThat(check.attribution()).isEqualTo(new PersonAttribution("prs_alice", "data", "cc-7"));
    }

    @Test
    void naming_another_team_never_drops_the_attributed_teams_budgets() {
        assertThat(budgetIds(resolve(cost("platform", "prs_alice", null))))
                .containsExactly("alice", "data", "finance", "org", "platform");
    }

    @Test
    void an_unknown_person_counts_only_the_budgets_that_name_nobody_in_particular() {
        assertThat(budgetIds(resolve(cost(null, "prs_unknown", null)))).containsExactly("org");
    }

    @Test
    void each_budget_period_is_the_one_containing_the_check_time_in_its_own_zone() {
        BudgetVersion berlin = new BudgetVersion("berlin", 2, 9, new BudgetDefinition("Berlin", team("platform"),
                new BudgetPeriod(PeriodUnit.MONTH, "Europe/Berlin"), 10, List.of(), true, false, true));
        RulesSnapshot zoned = new RulesSnapshot(1, List.of(platform, berlin), CARDS, Map.of());

        ScopedCheck check = CheckScope.resolve(cost("platform", null, null), zoned, CHECKED_AT, MAX_COST);

        // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin.
        assertThat(check.budgets()).extracting(BudgetInScope::periodKey).containsExactly("2026-12", "2026-11");
    }

    @Test
    void prices_tokens_with_the_rate_card_in_force_and_counts_model_budgets() {
        CheckRequest request = new CheckRequest(null, "platform", null, null, null, "anthropic",
                "claude-sonnet-4-5", null, new TokenCounts(1_000, 100, 2_000, 0, 0, 0), null);

        ScopedCheck check = resolve(request);

        // 1000 × 3 + 100 × 15 + 2000 × 0.3 = 5100 USD micros.
        assertThat(check.estimatedCostUsdMicros()).isEqualTo(5_100);
        assertThat(check.rateCard()).isEqualTo(new RateCardRef("anthropic", 1));
        assertThat(budgetIds(check)).containsExactly("org", "platform", "sonnet");
    }

    @Test
    void refuses_tokens_of_a_model_no_card_prices_naming_the_model() {
        CheckRequest request = new CheckRequest(null, "platform", null, null, null, null, "gpt-unknown", null,
                TokenCounts.of(10, 10), null);

        assertThatThrownBy(() -> resolve(request)).isInstanceOfSatisfying(CheckRefusedException.class, refused -> {
            assertThat(refused.status().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("model");
        });
        CheckRequest otherProvider = new CheckRequest(null, "platform", null, null, null, "openai",
                "claude-sonnet-4-5", null, TokenCounts.of(10, 10), null);
        assertThatThrownBy(() -> resolve(otherProvider)).isInstanceOf(CheckRefusedException.class);
    }

    @Test
    void refuses_tokens_that_price_above_the_limit() {
        CheckRequest request = new CheckRequest(null, "platform", null, null, null, null, "claude-sonnet-4-5", null,
                TokenCounts.of(0, 50_000_000), null);

        assertThatThrownBy(() -> CheckScope.resolve(request, rules, CHECKED_AT, 1_000))
                .isInstanceOfSatisfying(CheckRefusedException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldError::field).containsExactly("estimatedTokens"));
    }

    @Test
    void refuses_a_check_that_leaves_out_the_field_a_hard_cap_it_would_fall_under_is_scoped_by() {
        BudgetVersion cappedPerson = hardCapped("alice-cap", new BudgetScope(null, null, "prs_alice", null, null), 1);
        BudgetVersion cappedModel = hardCapped("opus-cap", new BudgetScope(null, "platform", null, null,
                "claude-opus-4-1"), 1);
        RulesSnapshot capped = new RulesSnapshot(7, List.of(platform, cappedPerson, cappedModel), CARDS, Map.of());

        assertThatThrownBy(() -> CheckScope.resolve(cost("platform", null, null), capped, CHECKED_AT, MAX_COST))
                .isInstanceOfSatisfying(CheckRefusedException.class, refused -> {
                    assertThat(refused.status().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
                    assertThat(refused.errors()).extracting(FieldError::field).containsAnyOf("personRef", "model");
                });
        // Naming them, the check is weighed against the caps it falls under, and only those.
        CheckRequest named = new CheckRequest(null, "platform", "prs_bob", null, null, null, "claude-haiku-4-5",
                100L, null, null);
        assertThat(budgetIds(CheckScope.resolve(named, capped, CHECKED_AT, MAX_COST))).containsExactly("platform");
    }

    private ScopedCheck resolve(CheckRequest request) {
        return CheckScope.resolve(request, rules, CHECKED_AT, MAX_COST);
    }

    private static CheckRequest cost(String team, String personRef, String purpose) {
        return new CheckRequest(null, team, personRef, null, purpose, null, null, 100L, null, null);
    }

    private static List<String> budgetIds(ScopedCheck check) {
        return check.budgets().stream().map(BudgetInScope::budgetId).toList();
    }
}
