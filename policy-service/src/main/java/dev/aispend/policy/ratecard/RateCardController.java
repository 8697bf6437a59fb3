package dev.aispend.policy.ratecard;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.annotation.Secured;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.pricing.InvalidRateCardException;
import dev.aispend.platform.pricing.RateCard;
import dev.aispend.platform.web.FieldError;
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
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/rate-cards}: prices per provider and model, as policies in the ledger, which prices every usage with
 * the card in force at its time among those recorded before it (docs/events.md, Pricing). A new version never
 * re-prices recorded spend: ask for that explicitly ({@code POST /v1/rate-cards/{id}/repricings}).
 */
@Controller("/v1/rate-cards")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RateCardController {
    private static final String PATH = "/v1/rate-cards";
    private final PolicyApi api;

    RateCardController(PolicyApi api) {
        this.api = api;
    }

    @Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get
    HttpResponse<?> list() {
        return HttpResponse.ok(Map.of("rateCards", api.list(PolicyKind.RATE_CARD)));
    }

    @Secured(Roles.POLICY_OWNER)
    @Post
    HttpResponse<?> create(@Body Map<String, Object> body, Authentication caller) {
        return api.create(PolicyKind.RATE_CARD, PATH, body, caller.getName(), "card-", RateCardController::content);
    }

    @Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get("/{id}")
    HttpResponse<?> get(@PathVariable String id) {
        return api.get(PolicyKind.RATE_CARD, id);
    }

    @Secured(Roles.POLICY_OWNER)
    @Put("/{id}")
    HttpResponse<?> update(@PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                           @Body Map<String, Object> body, Authentication caller) {
        return api.update(PolicyKind.RATE_CARD, PATH, id, ifMatch, body, caller.getName(), RateCardController::content);
    }

    @Secured({Roles.POLICY_OWNER, Roles.FINANCE_AUDITOR, Roles.COMPLIANCE_OFFICER})
    @Get("/{id}/versions")
    HttpResponse<?> versions(@PathVariable String id) {
        return api.versions(PolicyKind.RATE_CARD, id);
    }

    /** The card as sent (the ledger checks it again), and from when it prices: {@code effectiveFrom} or now. */
    static PolicyApi.Content content(Map<String, Object> body, Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        PolicyApi.SERVER_FIELDS.forEach(fields::remove);
        Object effectiveFrom = fields.remove("effectiveFrom");
        Instant from = now;
        if (effectiveFrom != null) {
            try {
                from = Instant.parse(String.valueOf(effectiveFrom));
            } catch (DateTimeParseException malformed) {
                throw new InvalidPolicyException("invalid rate card", List.of(new FieldError("effectiveFrom",
                        "must be an ISO-8601 instant like 2026-12-01T00:00:00Z")));
            }
        }
        try {
            RateCard.parse(fields);
        } catch (InvalidRateCardException invalid) {
            throw new InvalidPolicyException("invalid rate card", invalid.problems().stream()
                    .map(problem -> new FieldError(problem.field(), problem.message())).toList());
        }
        return new PolicyApi.Content(fields, from);
    }
}
