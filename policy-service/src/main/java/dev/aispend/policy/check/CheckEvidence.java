package dev.aispend.policy.check;

import dev.aispend.contracts.policy.PolicyDecision;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recorded CHECK decision's evidence read back (the fields {@link CheckDecisions#evidence} wrote): the request,
 * when, from which rules, and per budget what it counted that the ledger does not hold (reservations).
 */
record CheckEvidence(CheckRequest request, Instant checkedAt, long rulesPosition, List<Budget> budgets,
                     @Nullable Reservation reservation) {

    /** What a budget of the check counted besides the ledger's spend. */
    record Budget(String budgetId, String periodKey, long spentAsOfPosition, long reservedUsdMicros,
                  long reservationCount) {
    }

    @Nullable
    Budget budget(String budgetId) {
        return budgets.stream().filter(budget -> budget.budgetId().equals(budgetId)).findFirst().orElse(null);
    }

    static CheckEvidence of(PolicyDecision decision) {
        Map<String, Object> evidence = decision.evidence();
        if (evidence == null) {
            throw new IllegalArgumentException("check decision " + decision.decisionId() + " has no evidence");
        }
        Map<?, ?> request = (Map<?, ?>) evidence.get("request");
        Map<?, ?> tokens = (Map<?, ?>) request.get("estimatedTokens");
        Object cost = request.get("estimatedCostUsdMicros");
        Object ttl = request.get("reservationTtlSeconds");
        CheckRequest checkRequest = new CheckRequest((String) evidence.get("checkId"), text(request, "team"),
                text(request, "personRef"), text(request, "costCenter"), text(request, "purpose"),
                text(request, "provider"), text(request, "model"),
                cost == null ? null : CheckRederivation.number(cost),
                tokens == null ? null : CheckRederivation.tokens(tokens),
                ttl == null ? null : CheckRederivation.number(ttl));
        List<Budget> budgets = new ArrayList<>();
        for (Object item : (List<?>) evidence.get("budgets")) {
            Map<?, ?> budget = (Map<?, ?>) item;
            budgets.add(new Budget((String) budget.get("budgetId"), (String) budget.get("periodKey"),
                    CheckRederivation.number(budget.get("spentAsOfPosition")),
                    CheckRederivation.number(budget.get("reservedUsdMicros")),
                    CheckRederivation.number(budget.get("reservationCount"))));
        }
        Object reservationId = evidence.get("reservationId");
        Reservation reservation = reservationId == null ? null : new Reservation((String) reservationId,
                CheckRederivation.number(evidence.get("reservedUsdMicros")),
                Instant.parse((String) evidence.get("expiresAt")));
        return new CheckEvidence(checkRequest, Instant.parse((String) evidence.get("checkedAt")),
                CheckRederivation.number(evidence.get("rulesPosition")), budgets, reservation);
    }

    @Nullable
    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
