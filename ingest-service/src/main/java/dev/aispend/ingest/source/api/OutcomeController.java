package dev.aispend.ingest.source.api;

import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.acceptance.Admission;
import dev.aispend.ingest.acceptance.Locator;
import dev.aispend.ingest.acceptance.OutcomeSubmission;
import dev.aispend.ingest.acceptance.RecordAge;
import dev.aispend.ingest.source.JsonFields;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/outcomes}: one engineering outcome (a merged pull request, a commit, a deployment, ...);
 * {@code POST /v1/outcomes/batch}: {@code {"outcomes": [...]}}. Answers 202 only after Kafka acknowledged every
 * outcome (acks=all); 400 naming every bad or unknown field, publishing nothing (a batch is all or nothing); 503
 * with Retry-After when the broker did not acknowledge in time (resend with the same ids: the ledger records an
 * id once). docs/outcomes-api.md.
 */
@Controller("/v1/outcomes")
@Tag(name = "outcomes")
final class OutcomeController {
    private final JsonMapper jsonMapper;
    private final AcceptancePath acceptance;

    OutcomeController(JsonMapper jsonMapper, AcceptancePath acceptance) {
        this.jsonMapper = jsonMapper;
        this.acceptance = acceptance;
    }

    @Operation(operationId = "recordOutcome", summary = "Record one engineering outcome",
            description = "Body: an outcome (docs/outcomes-api.md).")
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<OutcomeAccepted>> submit(@Body byte[] body) {
        OutcomeSubmission submission = OutcomeJsonAdapter.single(JsonFields.parse(jsonMapper, body));
        return acceptance.acceptOutcomes(List.of(submission), RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                        Locator.SINGLE)
                .thenApply(accepted -> HttpResponse.accepted().body(new OutcomeAccepted(submission.id(), "accepted")));
    }

    @Operation(operationId = "recordOutcomeBatch", summary = "Record a batch of outcomes, all or nothing",
            description = "Body: {\"outcomes\": [...]}.")
    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<BatchAccepted>> submitBatch(@Body byte[] body) {
        List<OutcomeSubmission> submissions = OutcomeJsonAdapter.batch(JsonFields.parse(jsonMapper, body));
        return acceptance.acceptOutcomes(submissions, RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                        Locator.elements("outcomes"))
                .thenApply(accepted -> HttpResponse.accepted().body(BatchAccepted.of(accepted)));
    }

    /** 202 body: the outcome is durably in Kafka and will be recorded by the ledger once. */
    @Serdeable
    record OutcomeAccepted(String id, String status) {
    }
}
