package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.policy.rules.PersonAttribution;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.check.Budgets.hardCapped;
import static dev.aispend.policy.check.Budgets.team;
import static org.assertj.core.api.Assertions.assertThat;

/** The check decision the ledger records: ids, the deciding budget, inputs and evidence that survive JSON. */
class CheckDecisionsTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Instant CHECKED_AT = Instant.parse("2026-11-20T09:00:00.123Z");

    @Test
    void records_what_the_rule_read_with_the_deciding_budget() throws IOException {
        BudgetVersion budget = hardCapped("platform", team("platform"), 1_000, 50);
        BudgetInScope scoped = new BudgetInScope(budget, budget.definition().period().windowOf(CHECKED_AT));
        CheckRequest request = new CheckRequest("c-1", "platform", "prs_a", null, null, "anthropic", "sonnet", null,
                TokenCounts.of(10, 20), null);
        ScopedCheck check = new ScopedCheck(request, CHECKED_AT, 12, new PersonAttribution("prs_a", "platform",
                null), List.of(scoped), 600, new RateCardRef("anthropic-list", 3));
        CheckVerdict verdict = CheckRule.decide(List.of(new BudgetStanding(budget, scoped.period(), 300, 40, 100,
                2)), 600);
        Reservation reservation = new Reservation("rsv_1", 600, CHECKED_AT.plusSeconds(600));

        PolicyDecision decision = CheckDecisions.decision(check, verdict, reservation);

        assertThat(decision.decisionId()).isEqualTo("CHECK:c-1@2026-11-20T09:00:00.123Z");
        assertThat(decision.subject()).isEqualTo("check:c-1");
        assertThat(decision.policyId()).isEqualTo("platform");
        assertThat(decision.result()).isEqualTo("WARN"); // 600 is exactly what remains
        assertThat(decision.decidedAt()).isEqualTo(CHECKED_AT);
        assertThat(decision.triggerPosition()).isNull();
        assertThat(decision.inputs()).containsExactly(new PolicyDecision.DecisionInput(40, "spent:platform", 300));
        assertThat(decision.evidence()).containsEntry("ledgerPosition", 40L).containsEntry("rulesPosition", 12L)
                .containsEntry("estimatedCostUsdMicros", 600L)
                .containsEntry("rateCard", Map.of("rateCardId", "anthropic-list", "version", 3L))
                .containsEntry("attribution", Map.of("team", "platform"));

        PolicyDecision readBack = JSON.readValue(JSON.writeValueAsString(decision), PolicyDecision.class);
        assertThat(readBack.decisionId()).isEqualTo(decision.decisionId());
        @SuppressWarnings("unchecked")
        Map<String, Object> budgetEvidence = ((List<Map<String, Object>>) readBack.evidence().get("budgets")).get(0);
        assertThat(budgetEvidence).containsEntry("budgetId", "platform").containsEntry("periodKey", "2026-11")
                .containsEntry("hardCap", true).containsEntry("result", "WARN")
                .containsKeys("amountUsdMicros", "spentUsdMicros", "spentAsOfPosition", "reservedUsdMicros",
                        "reservationCount", "softThresholdsPercent", "periodStart", "periodEnd", "timeZone");
        assertThat(((Number) budgetEvidence.get("reservedUsdMicros")).longValue()).isEqualTo(100);
        @SuppressWarnings("unchecked")
        Map<String, Object> requestEvidence = (Map<String, Object>) readBack.evidence().get("request");
        assertThat(requestEvidence).containsKeys("team", "personRef", "provider", "model", "estimatedTokens")
                .doesNotContainKey("costCenter");
    }

    @Test
    void a_check_no_budget_covers_is_decided_by_none() {
        CheckRequest request = new CheckRequest("c-2", "nobody", null, null, null, null, null, 5L, null, null);
        ScopedCheck check = new ScopedCheck(request, CHECKED_AT, 3, null, List.of(), 5, null);
        CheckVerdict verdict = CheckRule.decide(List.of(), 5);

        PolicyDecision decision = CheckDecisions.decision(check, verdict, null);
        CheckResponse response = CheckDecisions.response(check, verdict, null);

        assertThat(decision.policyId()).isEqualTo("none");
        assertThat(decision.policyVersion()).isZero();
        assertThat(decision.result()).isEqualTo("ALLOW");
        assertThat(decision.inputs()).isEmpty();
        assertThat(decision.evidence()).doesNotContainKey("reservationId").containsEntry("ledgerPosition", 0L);
        assertThat(response.decidedBy().budgetId()).isNull();
        assertThat(response.reservationId()).isNull();
        assertThat(response.budgets()).isEmpty();
    }
}
