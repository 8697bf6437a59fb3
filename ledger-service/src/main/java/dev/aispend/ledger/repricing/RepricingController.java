package dev.aispend.ledger.repricing;

import dev.aispend.platform.security.Actors;
import dev.aispend.platform.security.Roles;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.annotation.Secured;
import dev.aispend.platform.web.ErrorBody;
import dev.aispend.platform.web.FieldError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/ledger/repricings}: re-prices the recorded spend of one model in [occurredFrom, occurredTo)
 * with a recorded rate card version. 201 when corrections were appended; 200 when nothing changed, or when the
 * repricingId was applied before (the same counts, {@code alreadyRecorded: true}, nothing appended again);
 * 400 naming the field (invalid request, card or version not recorded, model not on the card, too many records,
 * a cost overflow); 409 for a used repricingId with another card, model or window. Blocking: off the event loop.
 */
@Secured(Roles.POLICY_OWNER)
@Controller("/v1/ledger/repricings")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RepricingController {
    private final Repricer repricer;

    RepricingController(Repricer repricer) {
        this.repricer = repricer;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> reprice(@Body RepricingRequest asked, Authentication caller) throws Exception {
        Optional<FieldError> claimed = Actors.claimedOther(asked.actor(), caller.getName());
        if (claimed.isPresent()) {
            return HttpResponse.badRequest(ErrorBody.of("the re-pricing request is invalid; nothing was recorded",
                    List.of(claimed.get())));
        }
        RepricingRequest request = new RepricingRequest(asked.repricingId(), asked.model(), asked.occurredFrom(),
                asked.occurredTo(), asked.rateCardId(), asked.rateCardVersion(), caller.getName(), asked.reason());
        try {
            RepricingResult result = repricer.reprice(RepricingRequestValidator.validate(request));
            boolean appended = !result.alreadyRecorded() && result.repriced() > 0;
            return HttpResponse.status(appended ? HttpStatus.CREATED : HttpStatus.OK).body(result);
        } catch (RepricingRefusedException refused) {
            return HttpResponse.status(refused.status()).body(ErrorBody.of(refused.getMessage(), refused.errors()));
        }
    }
}
