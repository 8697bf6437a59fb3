package dev.aispend.policy.changes;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.annotation.Secured;
import dev.aispend.contracts.policy.PolicyKind;
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

/**
 * The endpoints of one kind of policy that governs from its ledger position (budgets, phases, badge and anomaly
 * rules): create (POST), change (PUT with If-Match: the ETag of the version you read; 412 when someone changed it
 * first), read (ETag), list, and every version with its actor and diff. Each kind is a subclass naming its path,
 * kind, id prefix, list name and content; the routes are declared once, here.
 */
public abstract class PolicyController {
    /** Parses a body's fields and writes them back canonically (defaults filled); throws
     *  {@link InvalidPolicyException} naming every bad field. */
    @FunctionalInterface
    public interface CanonicalContent {
        Map<String, Object> of(Map<String, Object> fields);
    }

    private final PolicyApi api;
    private final PolicyKind kind;
    private final String path;
    private final String idPrefix;
    private final String listName;
    private final CanonicalContent canonicalContent;

    protected PolicyController(PolicyApi api, PolicyKind kind, String path, String idPrefix, String listName,
                               CanonicalContent canonicalContent) {
        this.api = api;
        this.kind = kind;
        this.path = path;
        this.idPrefix = idPrefix;
        this.listName = listName;
        this.canonicalContent = canonicalContent;
    }

    @Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get
    public HttpResponse<?> list() {
        return HttpResponse.ok(Map.of(listName, api.list(kind)));
    }

    @Secured(Roles.POLICY_OWNER)
    @Post
    public HttpResponse<?> create(@Body Map<String, Object> body, Authentication caller) {
        return api.create(kind, path, body, caller.getName(), idPrefix, this::content);
    }

    @Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get("/{id}")
    public HttpResponse<?> get(@PathVariable String id) {
        return api.get(kind, id);
    }

    @Secured(Roles.POLICY_OWNER)
    @Put("/{id}")
    public HttpResponse<?> update(@PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Body Map<String, Object> body, Authentication caller) {
        return api.update(kind, path, id, ifMatch, body, caller.getName(), this::content);
    }

    @Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get("/{id}/versions")
    public HttpResponse<?> versions(@PathVariable String id) {
        return api.versions(kind, id);
    }

    /** The body without the fields the API sends back, parsed and written back canonically. */
    private PolicyApi.Content content(Map<String, Object> body, Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        PolicyApi.SERVER_FIELDS.forEach(fields::remove);
        // It governs from its ledger position; a time of its own would only pretend otherwise.
        fields.remove("effectiveFrom");
        return new PolicyApi.Content(canonicalContent.of(fields), now);
    }
}
