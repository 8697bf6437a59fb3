package dev.aispend.policy.budgetapi;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.budget.BudgetContent;
import dev.aispend.platform.budget.InvalidBudgetException;
import dev.aispend.policy.changes.InvalidPolicyException;
import dev.aispend.policy.changes.PolicyApi;
import dev.aispend.policy.changes.PolicyController;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;

/**
 * {@code /v1/budgets}: budgets are policies in the ledger, with the endpoints of every such policy
 * ({@link PolicyController}). A version governs from its ledger position (docs/policy.md).
 */
@Controller("/v1/budgets")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BudgetController extends PolicyController {
    BudgetController(PolicyApi api) {
        super(api, PolicyKind.BUDGET, "/v1/budgets", "bud-", "budgets", BudgetController::canonical);
    }

    private static Map<String, Object> canonical(Map<String, Object> fields) {
        try {
            return BudgetContent.toContent(BudgetContent.parse(fields));
        } catch (InvalidBudgetException invalid) {
            throw new InvalidPolicyException("invalid budget", invalid.errors());
        }
    }
}
