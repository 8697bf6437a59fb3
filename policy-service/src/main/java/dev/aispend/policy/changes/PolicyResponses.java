package dev.aispend.policy.changes;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.rules.ChangeStatus;
import dev.aispend.policy.rules.PolicyStore;
import dev.aispend.policy.rules.PolicyVersion;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP answers of the policy APIs (budgets, rate cards): a version with its ETag, the ledger's refusal as
 * 409/412/422, or 202 with a status link while the ledger has not answered.
 */
@Singleton
public class PolicyResponses {
    private final PolicyStore store;

    PolicyResponses(PolicyStore store) {
        this.store = store;
    }

    /** A version as the API shows it: id, version, the content's fields, then who recorded it where. */
    public static Map<String, Object> view(PolicyVersion version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", version.policyId());
        view.put("version", version.version());
        view.putAll(version.content());
        view.put("effectiveFrom", version.effectiveFrom());
        view.put("actor", version.actor());
        view.put("requestedAt", version.requestedAt());
        view.put("ledgerPosition", version.ledgerPosition());
        return view;
    }

    /** One entry of {@code GET .../versions}: the version, who, when, and what changed. */
    public static Map<String, Object> versionEntry(PolicyVersion version) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", version.version());
        entry.put("actor", version.actor());
        entry.put("requestId", version.requestId());
        entry.put("requestedAt", version.requestedAt());
        entry.put("effectiveFrom", version.effectiveFrom());
        entry.put("ledgerPosition", version.ledgerPosition());
        entry.put("diff", version.diff());
        entry.put("content", version.content());
        return entry;
    }

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** The answer to a create ({@code creating}) or an update, from what the ledger did with the request. */
    public MutableHttpResponse<?> answer(ChangeStatus status, boolean creating, String collectionPath) {
        String location = collectionPath + "/" + status.policyId();
        return switch (status.status()) {
            case RECORDED -> recorded(status, creating, location);
            case PENDING -> HttpResponse.accepted().header(HttpHeaders.LOCATION, statusPath(status))
                    .body(pendingBody(status));
            case REJECTED -> rejected(status, creating);
        };
    }

    private MutableHttpResponse<?> recorded(ChangeStatus status, boolean creating, String location) {
        PolicyVersion version = store.versions(status.policyId()).stream()
                .filter(candidate -> candidate.version() == status.version()).findFirst()
                .orElseThrow(() -> new IllegalStateException("version " + status.version() + " of "
                        + status.policyId() + " is recorded but not stored"));
        MutableHttpResponse<Map<String, Object>> response = creating
                ? HttpResponse.created(view(version), URI.create(location))
                : HttpResponse.ok(view(version));
        return response.header(HttpHeaders.ETAG, etagOf(version.version()));
    }

    private static MutableHttpResponse<?> rejected(ChangeStatus status, boolean creating) {
        String reason = status.reason() == null ? "" : status.reason();
        if (status.versionConflict() && creating) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of(status.policyId()
                    + " already exists (version " + status.currentVersion() + "); change it with PUT and If-Match",
                    List.of(new FieldError("id", "is taken"))));
        }
        if (status.versionConflict() && Long.valueOf(0).equals(status.currentVersion())) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(ErrorBody.of("no policy " + status.policyId()
                    + " in the ledger to change; create it with POST", List.of(new FieldError("id", "is unknown"))));
        }
        if (status.versionConflict()) {
            return HttpResponse.status(HttpStatus.PRECONDITION_FAILED).body(ErrorBody.of(status.policyId()
                    + " is at version " + status.currentVersion() + ", the request expected version "
                    + status.expectedVersion() + "; read it again and retry with its ETag",
                    List.of(new FieldError("If-Match", "expected version " + status.expectedVersion()
                            + ", current is " + status.currentVersion()))));
        }
        if (reason.startsWith("KIND_MISMATCH")) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of("the ledger refused the change: "
                    + reason, List.of(new FieldError("id", reason))));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(ErrorBody.of(
                "the ledger refused the change: " + reason, List.of(new FieldError(null, reason))));
    }

    public static String statusPath(ChangeStatus status) {
        return "/v1/policy-changes/" + status.requestId();
    }

    public static Map<String, Object> pendingBody(ChangeStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", status.requestId());
        body.put("policyId", status.policyId());
        body.put("status", status.status().name());
        body.put("statusUrl", statusPath(status));
        return body;
    }
}
