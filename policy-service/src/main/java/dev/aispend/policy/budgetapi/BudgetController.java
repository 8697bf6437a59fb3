package dev.aispend.policy.budgetapi;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.budget.BudgetContent;
import dev.aispend.policy.budget.InvalidBudgetException;
import dev.aispend.policy.changes.InvalidPolicyException;
import dev.aispend.policy.changes.PolicyApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /v1/budgets}: budgets are policies in the ledger. Create (POST), change (PUT with If-Match: the ETag of
 * the version you read; 412 when someone changed it first), read (ETag), and every version with its actor and
 * diff. A version governs from its ledger position on (docs/policy.md).
 */
@Controller("/v1/budgets")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BudgetController {
    private static final String PATH = "/v1/budgets";
    private final PolicyApi api;

    BudgetController(PolicyApi api) {
        this.api = api;
    }

    @Get
    HttpResponse<?> list() {
        return HttpResponse.ok(Map.of("budgets", api.list(PolicyKind.BUDGET)));
    }

    @Post
    HttpResponse<?> create(@Body Map<String, Object> body, @Nullable @Header("X-Actor") String actor) {
        return api.create(PolicyKind.BUDGET, PATH, body, actor, "bud-", BudgetController::content);
    }

    @Get("/{id}")
    HttpResponse<?> get(@PathVariable String id) {
        return api.get(PolicyKind.BUDGET, id);
    }

    @Put("/{id}")
    HttpResponse<?> update(@PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                           @Body Map<String, Object> body, @Nullable @Header("X-Actor") String actor) {
        return api.update(PolicyKind.BUDGET, PATH, id, ifMatch, body, actor, BudgetController::content);
    }

    @Get("/{id}/versions")
    HttpResponse<?> versions(@PathVariable String id) {
        return api.versions(PolicyKind.BUDGET, id);
    }

    /** The body without the fields the API sends back, parsed and written back canonically (defaults filled). */
    static PolicyApi.Content content(Map<String, Object> body, Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        PolicyApi.SERVER_FIELDS.forEach(fields::remove);
        // A budget governs from its ledger position; a time of its own would only pretend otherwise.
        fields.remove("effectiveFrom");
        try {
            return new PolicyApi.Content(BudgetContent.toContent(BudgetContent.parse(fields)), now);
        } catch (InvalidBudgetException invalid) {
            throw new InvalidPolicyException("invalid budget", invalid.errors());
        }
    }

}
