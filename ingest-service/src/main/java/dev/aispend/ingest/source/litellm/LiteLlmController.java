package dev.aispend.ingest.source.litellm;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.ingest.IngestConfiguration;
import dev.aispend.ingest.acceptance.Acceptance;
import dev.aispend.ingest.acceptance.AcceptancePath;
import dev.aispend.ingest.acceptance.Admission;
import dev.aispend.ingest.acceptance.RecordAge;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.ingest.source.SubmissionPaths;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/integrations/litellm}: LiteLLM's generic API callback ({@code callback_type: generic_api}),
 * StandardLoggingPayloads as a JSON array (its default), one object, or one per line. Answers 200 only after
 * Kafka acknowledged every record (LiteLLM needs any 2xx); 400 naming each bad field and publishing nothing (the
 * request is all or nothing); 503 when the broker did not acknowledge in time. Ids are LiteLLM's, so a payload
 * sent twice is recorded once. LiteLLM does not retry a failed batch: docs/integrations.md says how to keep
 * batches small.
 */
@Secured(Roles.INGEST_CLIENT)
@Controller("/v1/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "integrations")
final class LiteLlmController {
    private final JsonMapper jsonMapper;
    private final AcceptancePath acceptance;
    private final LiteLlmMapper mapper;
    private final int maxPayloads;

    LiteLlmController(JsonMapper jsonMapper, AcceptancePath acceptance, Pseudonymizer pseudonymizer,
                      IngestConfiguration configuration) {
        this.jsonMapper = jsonMapper;
        this.acceptance = acceptance;
        this.mapper = new LiteLlmMapper(pseudonymizer::aliasRef);
        this.maxPayloads = configuration.maxBatchRecords();
    }

    @Operation(summary = "LiteLLM gateway callback (StandardLoggingPayload)",
            description = "Body: one StandardLoggingPayload, a JSON array of them, or one per line "
                    + "(docs/integrations.md).")
    @Post(value = "/litellm", consumes = {MediaType.APPLICATION_JSON, "application/x-ndjson"},
            produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<LiteLlmAccepted>> receive(@Body byte[] body) {
        LiteLlmMapper.Batch batch = mapper.map(LiteLlmBody.elements(jsonMapper, body, maxPayloads));
        return acceptance.acceptUsage(batch.submissions(), RecordAge.LIVE, Admission.ALL_OR_NOTHING,
                        new SubmissionPaths(batch.paths(), LiteLlmMapper.FIELD_NAMES))
                .thenApply(accepted -> HttpResponse.ok(LiteLlmAccepted.of(accepted, batch.skipped())));
    }

    /**
     * 200 body: {@code accepted} records are durably in Kafka ({@code evidence} of them as reconciliation evidence
     * rather than spend); {@code skipped} payloads were cache hits or carried neither tokens nor cost.
     */
    @Serdeable
    record LiteLlmAccepted(int accepted, int evidence, int skipped, String status) {
        static LiteLlmAccepted of(Acceptance acceptance, int skipped) {
            return new LiteLlmAccepted(acceptance.acceptedIds().size(), acceptance.evidence(), skipped, "accepted");
        }
    }
}
