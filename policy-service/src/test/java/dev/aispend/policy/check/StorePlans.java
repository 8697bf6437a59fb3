package dev.aispend.policy.check;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.budget.BudgetVersion;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Checks planned directly against a {@link ReservationStore}, recorded the way the service records them. */
final class StorePlans {
    private StorePlans() {
    }

    static CheckPlan plan(String checkId, BudgetVersion budget, Instant checkedAt, long estimate,
                          long rulesPosition) {
        BudgetInScope scoped = new BudgetInScope(budget, budget.definition().period().windowOf(checkedAt));
        return new CheckPlan(checkId, "0".repeat(64), checkedAt, estimate, List.of(scoped), "rsv_" + checkId,
                checkedAt.plus(Duration.ofMinutes(10)), rulesPosition);
    }

    static ReservationStore.CheckRecorder recorder(JsonMapper json, CheckPlan plan) {
        CheckRequest request = new CheckRequest(plan.checkId(), plan.budgets().get(0).budget().definition().scope()
                .team(), null, null, null, null, null, plan.estimatedCostUsdMicros(), null, null);
        ScopedCheck scoped = new ScopedCheck(request, plan.checkedAt(), 0, null, plan.budgets(),
                plan.estimatedCostUsdMicros(), null);
        return (verdict, reservation) -> {
            CheckResponse response = CheckDecisions.response(scoped, verdict, reservation);
            PolicyDecision decision = CheckDecisions.decision(scoped, verdict, reservation);
            try {
                return new CheckDocuments(json.writeValueAsString(response), decision.decisionId(),
                        decision.subject(), json.writeValueAsString(decision));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        };
    }
}
