package dev.aispend.policy.verification;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-derivation for compliance. {@code POST /v1/decisions/verifications} with an optional position range
 * ({@code fromPosition}, {@code toPosition}; everything by default) starts a job that replays ledger.v1 from
 * position 1 into a fresh evaluator and compares every decision in the range with the recorded one; 202 with its
 * link. {@code GET /v1/decisions/verifications/{id}}: progress, then matches, mismatches (both sides), missing
 * and extra.
 */
@Secured({Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
@Controller("/v1/decisions/verifications")
@ExecuteOn(TaskExecutors.BLOCKING)
final class VerificationController {
    private final VerificationJobs jobs;
    private final VerificationStore store;
    private final VerificationConfiguration configuration;

    VerificationController(VerificationJobs jobs, VerificationStore store, VerificationConfiguration configuration) {
        this.jobs = jobs;
        this.store = store;
        this.configuration = configuration;
    }

    /** The request: both ends optional and inclusive. */
    @Serdeable
    record VerificationRequest(@Nullable Long fromPosition, @Nullable Long toPosition) {
    }

    @Secured(Roles.COMPLIANCE_OFFICER)
    @Post
    HttpResponse<?> start(@Nullable @Body VerificationRequest request, Authentication caller) {
        long from = request == null || request.fromPosition() == null ? 1 : request.fromPosition();
        Long to = request == null ? null : request.toPosition();
        List<FieldError> errors = new ArrayList<>();
        if (from < 1) {
            errors.add(new FieldError("fromPosition", "must be at least 1"));
        }
        if (to != null && to < from) {
            errors.add(new FieldError("toPosition", "must be at least fromPosition (" + from + ")"));
        }
        if (to != null && to - from + 1 > configuration.maxRange()) {
            errors.add(new FieldError("toPosition", "a job verifies at most " + configuration.maxRange()
                    + " positions (POLICY_VERIFICATION_MAX_RANGE)"));
        }
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(ErrorBody.of("invalid verification request", errors));
        }
        String requestedBy = dev.aispend.policy.changes.PolicyApi.actor(caller.getName());
        return jobs.start(from, to, requestedBy)
                .<HttpResponse<?>>map(id -> HttpResponse.accepted()
                        .header(HttpHeaders.LOCATION, "/v1/decisions/verifications/" + id)
                        .body(Map.of("verificationId", id, "status", "RUNNING",
                                "statusUrl", "/v1/decisions/verifications/" + id)))
                .orElseGet(() -> HttpResponse.status(HttpStatus.CONFLICT).body(ErrorBody.of(
                        "a verification is running; wait for it to finish", List.of())));
    }

    @Get("/{id}")
    HttpResponse<?> status(@PathVariable String id) {
        return store.find(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(ErrorBody.of("no verification " + id,
                        List.of(new FieldError("id", "is unknown")))));
    }
}
