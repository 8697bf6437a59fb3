package dev.aispend.ingest.source.api;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.acceptance.Acceptance;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/usage}: one usage record; {@code POST /v1/usage/batch}: {@code {"records": [...]}}. Answers 202
 * only after Kafka acknowledged every record (acks=all); 400 naming every bad field, publishing nothing (a batch
 * is all or nothing); 503 with Retry-After when the broker did not acknowledge in time (retry with the same ids;
 * the ledger records an id once).
 */
@Secured(Roles.INGEST_CLIENT)
@Controller("/v1/usage")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "usage")
final class UsageController {
    private final ApiIntake intake;
    private final AcceptancePath acceptance;
    private final UsageJsonAdapter adapter;

    UsageController(ApiIntake intake, AcceptancePath acceptance, IngestConfiguration configuration) {
        this.intake = intake;
        this.acceptance = acceptance;
        this.adapter = new UsageJsonAdapter(configuration.maxTokensPerRecord(), configuration.maxAttributes());
    }

    @Operation(summary = "Record one use of a model", description = "Body: a usage record (docs/ingest-api.md).",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UsageRecordSchema.class))))
    @ApiResponse(responseCode = "202", description = "Kafka acknowledged the record")
    @ApiResponse(responseCode = "400", description = "invalid; every bad field named, nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge in time; retry after Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<RecordAccepted>> submit(@Body byte[] body) {
        return intake.single(body, adapter::single, acceptance::acceptUsage,
                (submission, accepted) -> RecordAccepted.of(submission.id(), accepted));
    }

    @Operation(summary = "Record a batch of uses, all or nothing", description = "Body: {\"records\": [...]}.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UsageRecordSchema.BatchSchema.class))))
    @ApiResponse(responseCode = "202", description = "Kafka acknowledged every record")
    @ApiResponse(responseCode = "400", description = "invalid; every bad field named as records[i].field",
            content = @Content(mediaType = "application/problem+json"))
    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<BatchAccepted>> submitBatch(@Body byte[] body) {
        return intake.batch(body, adapter::batch, acceptance::acceptUsage, "records");
    }

    /** 202 body: the record is durably in Kafka; {@code accounting} says whether it counts as spend. */
    @Serdeable
    record RecordAccepted(String id, String status, String accounting) {
        static RecordAccepted of(String id, Acceptance acceptance) {
            return new RecordAccepted(id, "accepted", acceptance.evidence() == 0 ? "spend" : "evidence");
        }
    }
}
