package dev.aispend.policy.ruleapi;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.activity.InvalidRuleException;
import dev.aispend.policy.changes.InvalidPolicyException;
import dev.aispend.policy.changes.PolicyApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The endpoints of one kind of gamification rule (phases, badge rules, anomaly rules), the same as budgets have
 * ({@code budgetapi/BudgetController}): create (POST), change (PUT with If-Match), read (ETag), list, and every
 * version with its actor and diff. A rule governs from its ledger position (docs/gamification.md). Each kind is a
 * subclass naming its path, kind, id prefix and content; the routes are declared once, here.
 */
public abstract class RuleController {
    private final PolicyApi api;
    private final PolicyKind kind;
    private final String path;
    private final String idPrefix;
    private final String listName;
    private final UnaryOperator<Map<String, Object>> canonicalContent;

    /**
     * @param canonicalContent parses the content (throwing {@link InvalidRuleException}) and writes it back
     *                         canonically, defaults filled
     */
    protected RuleController(PolicyApi api, PolicyKind kind, String path, String idPrefix, String listName,
                             UnaryOperator<Map<String, Object>> canonicalContent) {
        this.api = api;
        this.kind = kind;
        this.path = path;
        this.idPrefix = idPrefix;
        this.listName = listName;
        this.canonicalContent = canonicalContent;
    }

    @Get
    HttpResponse<?> list() {
        return HttpResponse.ok(Map.of(listName, api.list(kind)));
    }

    @Post
    HttpResponse<?> create(@Body Map<String, Object> body, @Nullable @Header("X-Actor") String actor) {
        return api.create(kind, path, body, actor, idPrefix, this::content);
    }

    @Get("/{id}")
    HttpResponse<?> get(@PathVariable String id) {
        return api.get(kind, id);
    }

    @Put("/{id}")
    HttpResponse<?> update(@PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                           @Body Map<String, Object> body, @Nullable @Header("X-Actor") String actor) {
        return api.update(kind, path, id, ifMatch, body, actor, this::content);
    }

    @Get("/{id}/versions")
    HttpResponse<?> versions(@PathVariable String id) {
        return api.versions(kind, id);
    }

    /** The body without the fields the API sends back, parsed and written back canonically (defaults filled). */
    PolicyApi.Content content(Map<String, Object> body, Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        PolicyApi.SERVER_FIELDS.forEach(fields::remove);
        // A rule governs from its ledger position; a time of its own would only pretend otherwise.
        fields.remove("effectiveFrom");
        try {
            return new PolicyApi.Content(canonicalContent.apply(fields), now);
        } catch (InvalidRuleException invalid) {
            throw new InvalidPolicyException("invalid " + kind.name().toLowerCase().replace('_', ' '),
                    invalid.errors());
        }
    }
}
