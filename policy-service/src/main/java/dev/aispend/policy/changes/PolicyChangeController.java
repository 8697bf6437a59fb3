package dev.aispend.policy.changes;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.rules.ChangeStatus;
import dev.aispend.policy.rules.PolicyStore;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code GET /v1/policy-changes/{requestId}}: what the ledger did with a change the API answered 202 for
 * (RECORDED with its version and ledger position, REJECTED with the reason), or PENDING while it has not answered.
 */
@Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/policy-changes")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PolicyChangeController {
    private final PolicyStore store;
    private final SubmittedChanges submitted;

    PolicyChangeController(PolicyStore store, SubmittedChanges submitted) {
        this.store = store;
        this.submitted = submitted;
    }

    @Get("/{requestId}")
    HttpResponse<?> status(@PathVariable String requestId) {
        if (requestId.length() > 128) {
            return HttpResponse.badRequest(ErrorBody.of("invalid request id",
                    List.of(new FieldError("requestId", "is at most 128 characters"))));
        }
        return store.status(requestId).<HttpResponse<?>>map(HttpResponse::ok)
                .or(() -> submitted.find(requestId).map(status -> HttpResponse.ok(PolicyResponses.pendingBody(status))))
                .orElseGet(() -> HttpResponse.notFound(ErrorBody.of("no policy change " + requestId,
                        List.of(new FieldError("requestId", "is unknown")))));
    }
}
