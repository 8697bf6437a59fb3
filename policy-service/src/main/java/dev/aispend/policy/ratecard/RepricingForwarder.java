package dev.aispend.policy.ratecard;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.changes.PolicyApi;
import dev.aispend.policy.rules.PolicyStore;
import dev.aispend.policy.rules.PolicyVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/rate-cards/{id}/repricings}: a policy owner re-rates recorded spend with a card. The ledger owns
 * re-pricing ({@code POST /v1/ledger/repricings}: corrections appended, originals untouched, idempotent by id);
 * this forwards the request with the card's id and the caller's own credentials (so the ledger records the
 * authenticated policy owner as the actor), and answers with the ledger's answer.
 */
@Secured(Roles.POLICY_OWNER)
@Controller("/v1/rate-cards")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RepricingForwarder {
    private static final Set<String> FIELDS = Set.of("repricingId", "model", "occurredFrom", "occurredTo",
            "rateCardVersion", "reason");

    private final HttpClient ledger;
    private final PolicyStore store;

    RepricingForwarder(@Client(id = "ledger") HttpClient ledger, PolicyStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    /** The ledger's refusal as our problem details: its sentence and the fields it named. */
    private static ErrorBody problemOf(HttpClientResponseException refused) {
        Map<?, ?> problem = refused.getResponse().getBody(Map.class).orElse(Map.of());
        Object detail = problem.get("detail");
        List<FieldError> errors = new ArrayList<>();
        if (problem.get("errors") instanceof List<?> named) {
            for (Object error : named) {
                if (error instanceof Map<?, ?> fields && fields.get("message") != null) {
                    Object field = fields.get("field");
                    errors.add(new FieldError(field == null ? null : field.toString(),
                            fields.get("message").toString()));
                }
            }
        }
        return ErrorBody.of("the ledger refused the re-pricing: "
                + (detail == null ? refused.getStatus().getReason() : detail), errors);
    }

    @Post("/{id}/repricings")
    HttpResponse<?> reprice(@PathVariable String id, @Body Map<String, Object> body,
                            @Header(HttpHeaders.AUTHORIZATION) String credentials) {
        List<FieldError> unknown = body.keySet().stream().filter(field -> !FIELDS.contains(field))
                .map(field -> new FieldError(field, "is not a field of a re-pricing request")).toList();
        if (!unknown.isEmpty() || !PolicyApi.POLICY_ID.matcher(id).matches()) {
            return HttpResponse.badRequest(ErrorBody.of("invalid re-pricing request", unknown.isEmpty()
                    ? List.of(new FieldError("id", "is not a rate card id")) : unknown));
        }
        Optional<PolicyVersion> card = store.current(id).filter(version -> version.kind() == PolicyKind.RATE_CARD);
        if (card.isEmpty()) {
            return HttpResponse.notFound(ErrorBody.of("no rate card " + id + " in the ledger",
                    List.of(new FieldError("id", "is unknown"))));
        }
        Map<String, Object> forwarded = new LinkedHashMap<>(body);
        forwarded.put("rateCardId", id);
        // Without a version, the card as it is now: what a policy owner re-rating "with this card" means.
        forwarded.putIfAbsent("rateCardVersion", card.get().version());
        try {
            HttpResponse<Map> answer = ledger.toBlocking().exchange(HttpRequest.POST("/v1/ledger/repricings",
                    forwarded).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, credentials), Map.class);
            return HttpResponse.status(answer.getStatus()).body(answer.body());
        } catch (HttpClientResponseException refused) {
            return HttpResponse.status(refused.getStatus()).body(problemOf(refused));
        } catch (HttpClientException unreachable) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).body(ErrorBody.of(
                    "the ledger did not answer the re-pricing; nothing was changed by this request: retry",
                    List.of()));
        }
    }
}
