package dev.aispend.ingest.source.api;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.ingest.acceptance.AcceptancePath;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/outcomes}: one engineering outcome (a merged pull request, a commit, a deployment, ...);
 * {@code POST /v1/outcomes/batch}: {@code {"outcomes": [...]}}. Answers 202 only after Kafka acknowledged every
 * outcome (acks=all); 400 naming every bad or unknown field, publishing nothing (a batch is all or nothing); 503
 * with Retry-After when the broker did not acknowledge in time (resend with the same ids: the ledger records an
 * id once). docs/outcomes-api.md.
 */
@Secured(Roles.INGEST_CLIENT)
@Controller("/v1/outcomes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "outcomes")
final class OutcomeController {
    private final ApiIntake intake;
    private final AcceptancePath acceptance;

    OutcomeController(ApiIntake intake, AcceptancePath acceptance) {
        this.intake = intake;
        this.acceptance = acceptance;
    }

    @Operation(operationId = "recordOutcome", summary = "Record one engineering outcome",
            description = "Body: an outcome (docs/outcomes-api.md).")
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<OutcomeAccepted>> submit(@Body byte[] body) {
        return intake.single(body, OutcomeJsonAdapter::single, acceptance::acceptOutcomes,
                (submission, accepted) -> new OutcomeAccepted(submission.id(), "accepted"));
    }

    @Operation(operationId = "recordOutcomeBatch", summary = "Record a batch of outcomes, all or nothing",
            description = "Body: {\"outcomes\": [...]}.")
    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<BatchAccepted>> submitBatch(@Body byte[] body) {
        return intake.batch(body, OutcomeJsonAdapter::batch, acceptance::acceptOutcomes, "outcomes");
    }

    /** 202 body: the outcome is durably in Kafka and will be recorded by the ledger once. */
    @Serdeable
    record OutcomeAccepted(String id, String status) {
    }
}
