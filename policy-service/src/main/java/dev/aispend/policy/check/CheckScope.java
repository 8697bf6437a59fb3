package dev.aispend.policy.check;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.platform.pricing.Priced;
import dev.aispend.platform.pricing.Pricer;
import dev.aispend.platform.budget.BudgetScope;
import dev.aispend.platform.budget.BudgetVersion;
import dev.aispend.policy.rules.PersonAttribution;
import dev.aispend.policy.rules.RulesSnapshot;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which budgets a check is held against, and what it is estimated to cost, by one rules snapshot. Pure.
 *
 * <p>A person's team and cost center come from the identity links the ledger recorded (person_attribution).
 * When the check names a team or cost center too, the budgets of BOTH the given and the attributed one count: a
 * check never escapes a budget by naming another team (the bypass in LiteLLM #11962). A budget is in scope when
 * it is active and its scope covers the check with any of those teams and cost centers; a scope field the check
 * leaves out (purpose, model) matches only budgets that do not name it, exactly as spend is counted. Each budget's
 * period is the one containing the check's time, in the budget's own time zone.
 *
 * <p>Tokens are priced by the ledger's own rule ({@link Pricer}) with the rate card in force at the check's time,
 * as the rules snapshot holds them; a model no card prices cannot be estimated (422 naming {@code model}).
 */
final class CheckScope {
    /** Budgets one check may weigh: its decision lists each, and the ledger bounds a decision's size. */
    static final int MAX_BUDGETS_PER_CHECK = 100;
    private CheckScope() {
    }

    static ScopedCheck resolve(CheckRequest request, RulesSnapshot rules, Instant checkedAt,
                               long maxEstimatedCostUsdMicros) {
        PersonAttribution attribution = request.personRef() == null ? null
                : rules.people().get(request.personRef());
        List<String> teams = candidates(request.team(), attribution == null ? null : attribution.team());
        List<String> costCenters = candidates(request.costCenter(),
                attribution == null ? null : attribution.costCenter());
        List<BudgetInScope> budgets = new ArrayList<>();
        for (BudgetVersion budget : rules.budgets()) {
            if (!budget.definition().active()) {
                continue;
            }
            if (covers(budget.definition().scope(), request, teams, costCenters)) {
                budgets.add(new BudgetInScope(budget, budget.definition().period().windowOf(checkedAt)));
            } else if (budget.definition().hardCap()) {
                refuseIfUnnamed(budget, request, teams, costCenters);
            }
        }
        if (budgets.size() > MAX_BUDGETS_PER_CHECK) {
            // The check's decision lists every budget, and the ledger bounds a decision's evidence.
            throw CheckRefusedException.unprocessable("team", budgets.size() + " budgets cover this check, more "
                    + "than the " + MAX_BUDGETS_PER_CHECK + " one check can weigh and record; narrow the budgets");
        }
        budgets.sort(BudgetInScope.LOCK_ORDER);
        if (request.estimatedCostUsdMicros() != null) {
            return new ScopedCheck(request, checkedAt, rules.rulesPosition(), attribution, budgets,
                    request.estimatedCostUsdMicros(), null);
        }
        Optional<Priced> priced = rules.rateCards().lookup(request.provider(), request.model(), checkedAt);
        if (priced.isEmpty()) {
            throw CheckRefusedException.unprocessable("model", "no rate card in force prices model '"
                    + request.model() + "'" + (request.provider() == null ? ""
                    : " of provider '" + request.provider() + "'") + "; state estimatedCostUsdMicros instead");
        }
        long cost;
        try {
            cost = Pricer.costUsdMicros(request.estimatedTokens(), priced.get().price());
        } catch (ArithmeticException overflow) {
            cost = Long.MAX_VALUE;
        }
        if (cost > maxEstimatedCostUsdMicros) {
            throw CheckRefusedException.unprocessable("estimatedTokens", "cost " + (cost == Long.MAX_VALUE
                    ? "more than can be counted" : cost + " USD micros") + ", above the limit of "
                    + maxEstimatedCostUsdMicros);
        }
        RateCardRef rateCard = priced.get().rateCard();
        return new ScopedCheck(request, checkedAt, rules.rulesPosition(), attribution, budgets, cost, rateCard);
    }

    /**
     * A hard cap the check would fall under if it named a field it left out (a person, a purpose, a model) must
     * not be skipped silently: the spend that follows names that field and counts against the cap. The check
     * is refused, naming the field to send.
     */
    private static void refuseIfUnnamed(BudgetVersion budget, CheckRequest request, List<String> teams,
                                        List<String> costCenters) {
        BudgetScope scope = budget.definition().scope();
        List<String> missing = new ArrayList<>();
        if (scope.personRef() != null && request.personRef() == null) {
            missing.add("personRef");
        }
        if (scope.purpose() != null && request.purpose() == null) {
            missing.add("purpose");
        }
        if (scope.model() != null && request.model() == null) {
            missing.add("model");
        }
        BudgetScope given = new BudgetScope(scope.costCenter(), scope.team(),
                request.personRef() == null ? null : scope.personRef(),
                request.purpose() == null ? null : scope.purpose(), request.model() == null ? null : scope.model());
        if (!missing.isEmpty() && covers(given, request, teams, costCenters)) {
            throw CheckRefusedException.unprocessable(missing.get(0), "hard-capped budget " + budget.budgetId()
                    + " is scoped by " + String.join(", ", missing) + ", which this check leaves out; name "
                    + String.join(", ", missing) + " so the cap is weighed");
        }
    }

    private static boolean covers(BudgetScope scope, CheckRequest request, List<String> teams,
                                  List<String> costCenters) {
        for (String team : teams) {
            for (String costCenter : costCenters) {
                if (scope.covers(costCenter, team, request.personRef(), request.purpose(), request.model())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The given and the attributed value, without repeats; {@code [null]} when neither is known. A known value
     * matches every scope that null matches and more, so null is never needed beside one.
     */
    private static List<String> candidates(@Nullable String given, @Nullable String attributed) {
        Set<String> values = new LinkedHashSet<>();
        if (given != null) {
            values.add(given);
        }
        if (attributed != null) {
            values.add(attributed);
        }
        if (values.isEmpty()) {
            values.add(null);
        }
        return new ArrayList<>(values);
    }
}
