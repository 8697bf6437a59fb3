package dev.aispend.policy.ratecard;

import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import dev.aispend.policy.changes.PolicyApi;
import io.micronaut.core.annotation.Nullable;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/rate-cards/{id}/repricings}: a policy owner re-rates recorded spend with a card. The ledger owns
 * re-pricing ({@code POST /v1/ledger/repricings}: corrections appended, originals untouched, idempotent by id);
 * this forwards the request with the card's id and the actor, and answers with the ledger's answer.
 */
@Controller("/v1/rate-cards")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RepricingForwarder {
    private static final Set<String> FIELDS = Set.of("repricingId", "model", "occurredFrom", "occurredTo",
            "rateCardVersion", "reason");

    private final HttpClient ledger;

    RepricingForwarder(@Client(id = "ledger") HttpClient ledger) {
        this.ledger = ledger;
    }

    @Post("/{id}/repricings")
    HttpResponse<?> reprice(@PathVariable String id, @Body Map<String, Object> body,
                            @Nullable @Header("X-Actor") String actor) {
        List<FieldError> unknown = body.keySet().stream().filter(field -> !FIELDS.contains(field))
                .map(field -> new FieldError(field, "is not a field of a re-pricing request")).toList();
        if (!unknown.isEmpty() || !PolicyApi.POLICY_ID.matcher(id).matches()) {
            return HttpResponse.badRequest(ErrorBody.of("invalid re-pricing request", unknown.isEmpty()
                    ? List.of(new FieldError("id", "is not a rate card id")) : unknown));
        }
        Map<String, Object> forwarded = new LinkedHashMap<>(body);
        forwarded.put("rateCardId", id);
        forwarded.put("actor", actor == null || actor.isBlank() ? "anonymous" : actor.strip());
        try {
            HttpResponse<Map> answer = ledger.toBlocking().exchange(HttpRequest.POST("/v1/ledger/repricings",
                    forwarded).contentType(MediaType.APPLICATION_JSON), Map.class);
            return HttpResponse.status(answer.getStatus()).body(answer.body());
        } catch (HttpClientResponseException refused) {
            return HttpResponse.status(refused.getStatus()).body(refused.getResponse().getBody(Map.class).orElse(
                    Map.of("message", refused.getMessage())));
        } catch (HttpClientException unreachable) {
            return HttpResponse.status(HttpStatus.BAD_GATEWAY).body(ErrorBody.of(
                    "the ledger did not answer the re-pricing; nothing was changed by this request: retry",
                    List.of()));
        }
    }
}
