package dev.aispend.policy.check;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.budget.BudgetDefinition;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check answers and records, from its verdict: the response, and the PolicyDecision (kind CHECK) for the
 * ledger. The decision's evidence holds everything {@link CheckRule} read (the request, the attribution used, the
 * estimate and its rate card, each budget's standing), so compliance can re-derive the result without the
 * database. Numbers are integers (Long), instants ISO-8601 strings, maps keyed by String: a JSON round trip gives
 * them back equal.
 */
final class CheckDecisions {
    static final String KIND = "CHECK";
    /** The policy id of a check no active budget covered. */
    static final String NO_BUDGET = "none";

    private CheckDecisions() {
    }

    static String subject(String checkId) {
        return "check:" + checkId;
    }

    /** Unique per check, also when a client reuses a checkId after it was forgotten: the check's time is in it. */
    static String decisionId(ScopedCheck check) {
        return KIND + ":" + check.request().checkId() + "@" + check.checkedAt();
    }

    static long ledgerPosition(CheckVerdict verdict) {
        return verdict.budgets().stream().mapToLong(budget -> budget.standing().spentAsOfPosition()).max()
                .orElse(0);
    }

    static CheckResponse response(ScopedCheck check, CheckVerdict verdict, @Nullable Reservation reservation) {
        BudgetVerdict decider = verdict.decidedBy();
        CheckResponse.DecidedBy decidedBy = decider == null
                ? new CheckResponse.DecidedBy(null, null, verdict.reason())
                : new CheckResponse.DecidedBy(decider.budgetId(), decider.standing().budget().version(),
                decider.reason());
        List<CheckResponse.BudgetView> budgets = new ArrayList<>(verdict.budgets().size());
        for (BudgetVerdict budget : verdict.budgets()) {
            BudgetStanding standing = budget.standing();
            BudgetDefinition definition = standing.budget().definition();
            budgets.add(new CheckResponse.BudgetView(budget.budgetId(), standing.budget().version(),
                    definition.name(), definition.scope().label(), standing.period().key(),
                    standing.period().start(), standing.period().end(), definition.amountUsdMicros(),
                    standing.spentUsdMicros(), standing.spentAsOfPosition(), standing.reservedUsdMicros(),
                    budget.remainingUsdMicros(), definition.hardCap(), budget.result().name(), budget.reason()));
        }
        return new CheckResponse(check.request().checkId(), check.checkedAt(), verdict.result().name(), decidedBy,
                check.estimatedCostUsdMicros(), check.rateCard(),
                reservation == null ? null : reservation.reservationId(),
                reservation == null ? null : reservation.amountUsdMicros(),
                reservation == null ? null : reservation.expiresAt(), ledgerPosition(verdict),
                check.rulesPosition(), budgets);
    }

    static PolicyDecision decision(ScopedCheck check, CheckVerdict verdict, @Nullable Reservation reservation) {
        BudgetVerdict decider = verdict.decidedBy();
        List<PolicyDecision.DecisionInput> inputs = verdict.budgets().stream()
                .map(budget -> new PolicyDecision.DecisionInput(budget.standing().spentAsOfPosition(),
                        "spent:" + budget.budgetId(), budget.standing().spentUsdMicros()))
                .toList();
        return new PolicyDecision(decisionId(check), KIND, subject(check.request().checkId()),
                decider == null ? NO_BUDGET : decider.budgetId(),
                decider == null ? 0 : decider.standing().budget().version(), inputs, verdict.result().name(),
                verdict.reason(), check.checkedAt(), null, evidence(check, verdict, reservation));
    }

    static Map<String, Object> evidence(ScopedCheck check, CheckVerdict verdict, @Nullable Reservation reservation) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("checkId", check.request().checkId());
        evidence.put("checkedAt", check.checkedAt().toString());
        evidence.put("request", request(check.request()));
        if (check.attribution() != null) {
            Map<String, Object> attribution = new LinkedHashMap<>();
            attribution.put("team", check.attribution().team());
            putIfPresent(attribution, "costCenter", check.attribution().costCenter());
            evidence.put("attribution", attribution);
        }
        evidence.put("estimatedCostUsdMicros", check.estimatedCostUsdMicros());
        if (check.rateCard() != null) {
            Map<String, Object> rateCard = new LinkedHashMap<>();
            rateCard.put("rateCardId", check.rateCard().rateCardId());
            rateCard.put("version", check.rateCard().version());
            evidence.put("rateCard", rateCard);
        }
        List<Object> budgets = new ArrayList<>(verdict.budgets().size());
        verdict.budgets().forEach(budget -> budgets.add(budget(budget)));
        evidence.put("budgets", budgets);
        evidence.put("ledgerPosition", ledgerPosition(verdict));
        evidence.put("rulesPosition", check.rulesPosition());
        if (reservation != null) {
            evidence.put("reservationId", reservation.reservationId());
            evidence.put("reservedUsdMicros", reservation.amountUsdMicros());
            evidence.put("expiresAt", reservation.expiresAt().toString());
        }
        return evidence;
    }

    private static Map<String, Object> request(CheckRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfPresent(fields, "team", request.team());
        putIfPresent(fields, "personRef", request.personRef());
        putIfPresent(fields, "costCenter", request.costCenter());
        putIfPresent(fields, "purpose", request.purpose());
        putIfPresent(fields, "provider", request.provider());
        putIfPresent(fields, "model", request.model());
        putIfPresent(fields, "estimatedCostUsdMicros", request.estimatedCostUsdMicros());
        TokenCounts tokens = request.estimatedTokens();
        if (tokens != null) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("inputTokens", tokens.inputTokens());
            counts.put("outputTokens", tokens.outputTokens());
            counts.put("cacheReadTokens", tokens.cacheReadTokens());
            counts.put("cacheWrite5mTokens", tokens.cacheWrite5mTokens());
            counts.put("cacheWrite1hTokens", tokens.cacheWrite1hTokens());
            counts.put("reasoningTokens", tokens.reasoningTokens());
            fields.put("estimatedTokens", counts);
        }
        putIfPresent(fields, "reservationTtlSeconds", request.reservationTtlSeconds());
        return fields;
    }

    private static Map<String, Object> budget(BudgetVerdict verdict) {
        BudgetStanding standing = verdict.standing();
        BudgetDefinition definition = standing.budget().definition();
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("budgetId", verdict.budgetId());
        budget.put("version", standing.budget().version());
        budget.put("periodKey", standing.period().key());
        budget.put("periodStart", standing.period().start().toString());
        budget.put("periodEnd", standing.period().end().toString());
        budget.put("timeZone", definition.period().timeZone());
        budget.put("amountUsdMicros", definition.amountUsdMicros());
        budget.put("spentUsdMicros", standing.spentUsdMicros());
        budget.put("spentAsOfPosition", standing.spentAsOfPosition());
        budget.put("reservedUsdMicros", standing.reservedUsdMicros());
        budget.put("reservationCount", standing.reservationCount());
        budget.put("hardCap", definition.hardCap());
        budget.put("softThresholdsPercent", definition.softThresholdsPercent().stream()
                .map(Integer::longValue).toList());
        budget.put("result", verdict.result().name());
        return budget;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
