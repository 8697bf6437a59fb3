package dev.aispend.policy.changes;

import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.security.Actors;
import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.rules.ChangeStatus;
import dev.aispend.policy.rules.PolicyStore;
import dev.aispend.policy.rules.PolicyVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the budget and rate card endpoints share: ids, actors, create and update through the ledger with
 * optimistic concurrency, reads with ETags, version histories. Each endpoint brings its own content reader.
 */
@Singleton
public class PolicyApi {
    /** Policy ids: what the policy tables and the ledger's decision ids can carry. */
    public static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Fields the API sends back with a version; a client may send them back unchanged, they are not content. */
    public static final Set<String> SERVER_FIELDS = Set.of("id", "version", "actor", "requestedAt",
            "ledgerPosition");

    private final PolicyChanges changes;
    private final PolicyStore store;
    private final PolicyResponses responses;
    private final Clock clock;

    PolicyApi(PolicyChanges changes, PolicyStore store, PolicyResponses responses) {
        this.changes = changes;
        this.store = store;
        this.responses = responses;
        this.clock = Clock.systemUTC();
    }

    /** A request's content and the instant its version governs from, as a reader made them. */
    public record Content(Map<String, Object> content, Instant effectiveFrom) {
    }

    /** Reads a request body into content, or throws {@link InvalidPolicyException} naming every bad field. */
    public interface ContentReader {
        Content read(Map<String, Object> body, Instant now);
    }

    public MutableHttpResponse<?> create(PolicyKind kind, String collectionPath, Map<String, Object> body,
                                         @Nullable String principal, String idPrefix, ContentReader reader) {
        Object givenId = body.get("id");
        String policyId = givenId == null ? idPrefix + UUID.randomUUID().toString().substring(0, 13) : id(givenId);
        Instant now = clock.instant();
        Content content = reader.read(body, now);
        ChangeStatus status = changes.submit(new PolicyChanges.Change(policyId, kind, 0, actor(principal),
                content.content(), content.effectiveFrom()), now);
        return responses.answer(status, true, collectionPath);
    }

    public MutableHttpResponse<?> update(PolicyKind kind, String collectionPath, String policyId,
                                         @Nullable String ifMatch, Map<String, Object> body,
                                         @Nullable String principal, ContentReader reader) {
        id(policyId);
        OptionalLong expected = IfMatch.expectedVersion(ifMatch);
        if (expected.isEmpty()) {
            return HttpResponse.status(HttpStatus.PRECONDITION_REQUIRED).body(ErrorBody.of(
                    "an update must say which version it changes: send If-Match with the ETag you read",
                    List.of(new FieldError("If-Match", ifMatch == null ? "is required"
                            : "must be an ETag of this API, like \"3\"; was " + ifMatch))));
        }
        Instant now = clock.instant();
        Content content = reader.read(body, now);
        ChangeStatus status = changes.submit(new PolicyChanges.Change(policyId, kind, expected.getAsLong(),
                actor(principal), content.content(), content.effectiveFrom()), now);
        return responses.answer(status, false, collectionPath);
    }

    public MutableHttpResponse<?> get(PolicyKind kind, String policyId) {
        return currentOf(kind, policyId)
                .<MutableHttpResponse<?>>map(version -> HttpResponse.ok(PolicyResponses.view(version))
                        .header(HttpHeaders.ETAG, PolicyResponses.etagOf(version.version())))
                .orElseGet(() -> notFound(kind, policyId));
    }

    public MutableHttpResponse<?> versions(PolicyKind kind, String policyId) {
        if (currentOf(kind, policyId).isEmpty()) {
            return notFound(kind, policyId);
        }
        return HttpResponse.ok(Map.of("id", policyId, "versions",
                store.versions(policyId).stream().map(PolicyResponses::versionEntry).toList()));
    }

    public List<Map<String, Object>> list(PolicyKind kind) {
        return store.currentOf(kind).stream().map(PolicyResponses::view).toList();
    }

    private java.util.Optional<PolicyVersion> currentOf(PolicyKind kind, String policyId) {
        id(policyId);
        return store.current(policyId).filter(version -> version.kind() == kind);
    }

    private static MutableHttpResponse<?> notFound(PolicyKind kind, String policyId) {
        return HttpResponse.notFound(ErrorBody.of("no " + kind.name().toLowerCase().replace('_', ' ') + " "
                + policyId + " in the ledger", List.of(new FieldError("id", "is unknown"))));
    }

    static String id(Object value) {
        if (value instanceof String text && POLICY_ID.matcher(text).matches()) {
            return text;
        }
        throw new InvalidPolicyException("invalid policy id", List.of(new FieldError("id",
                "must be 1..64 lower-case letters, digits and dashes, starting with a letter or digit")));
    }

    /**
     * The actor the ledger records: the authenticated principal's name (a token's subject, or an API key's
     * {@code api-key:<id>}), never anything the request body or a header claims. Bounded like every recorded text.
     */
    public static String actor(String principal) {
        return Actors.recordable(principal).orElseThrow(() ->
                new InvalidPolicyException("invalid actor", List.of(Actors.refusal())));
    }
}
