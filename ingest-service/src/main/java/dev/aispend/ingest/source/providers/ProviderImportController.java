package dev.aispend.ingest.source.providers;

import dev.aispend.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.ingest.identity.Pseudonymizer;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.providers.anthropic.AnthropicCostReport;
import dev.aispend.ingest.source.providers.anthropic.AnthropicUsageReport;
import dev.aispend.ingest.source.providers.anthropic.ClaudeCodeReport;
import dev.aispend.ingest.source.providers.openai.OpenAiCosts;
import dev.aispend.ingest.source.providers.openai.OpenAiUsage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Provider imports for backfill and reconciliation: each path takes one page of a provider's report exactly as
 * the provider's API returned it (docs/integrations.md has the recipe that pages through with next_page). A page
 * is all or nothing: 202 only after Kafka acknowledged every record, 400 naming {@code data[i].results[j].field}
 * and publishing nothing, 503 when the broker did not acknowledge in time (post the page again: its ids are
 * deterministic, so it is recorded once). By default provider reports are reconciliation evidence, not spend.
 */
@Secured(Roles.INGEST_CLIENT)
@Controller("/v1/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "imports")
final class ProviderImportController {
    private final JsonMapper jsonMapper;
    private final ProviderImports imports;
    private final PageMapper anthropicUsage;
    private final PageMapper anthropicCosts;
    private final PageMapper claudeCode;
    private final PageMapper openAiUsage;
    private final PageMapper openAiCosts;

    ProviderImportController(JsonMapper jsonMapper, ProviderImports imports, Pseudonymizer pseudonymizer,
                             Clock clock) {
        this.jsonMapper = jsonMapper;
        this.imports = imports;
        IdentifyingRefs refs = pseudonymizer::aliasRef;
        this.anthropicUsage = new AnthropicUsageReport(refs, clock);
        this.anthropicCosts = new AnthropicCostReport(clock);
        this.claudeCode = new ClaudeCodeReport(refs, clock);
        this.openAiUsage = new OpenAiUsage(refs, clock);
        this.openAiCosts = new OpenAiCosts(refs, clock);
    }

    @Operation(summary = "Import a page of Anthropic's messages usage report",
            description = "Body: a page of GET /v1/organizations/usage_report/messages, as returned.")
    @Post(value = "/anthropic/usage-report", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<ImportAccepted>> anthropicUsageReport(@Body byte[] body) {
        return accept(anthropicUsage, body);
    }

    @Operation(summary = "Import a page of Anthropic's cost report",
            description = "Body: a page of GET /v1/organizations/cost_report, as returned (amounts in cents).")
    @Post(value = "/anthropic/cost-report", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<ImportAccepted>> anthropicCostReport(@Body byte[] body) {
        return accept(anthropicCosts, body);
    }

    @Operation(summary = "Import a page of Anthropic's Claude Code usage report",
            description = "Body: a page of GET /v1/organizations/usage_report/claude_code, as returned.")
    @Post(value = "/anthropic/claude-code-report", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<ImportAccepted>> claudeCodeReport(@Body byte[] body) {
        return accept(claudeCode, body);
    }

    @Operation(summary = "Import a page of OpenAI's completions usage",
            description = "Body: a page of GET /v1/organization/usage/completions, as returned.")
    @Post(value = "/openai/usage", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<ImportAccepted>> openAiUsage(@Body byte[] body) {
        return accept(openAiUsage, body);
    }

    @Operation(summary = "Import a page of OpenAI's costs",
            description = "Body: a page of GET /v1/organization/costs, as returned (amounts in dollars).")
    @Post(value = "/openai/costs", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<ImportAccepted>> openAiCosts(@Body byte[] body) {
        return accept(openAiCosts, body);
    }

    private CompletableFuture<HttpResponse<ImportAccepted>> accept(PageMapper mapper, byte[] body) {
        return imports.accept(mapper.map(JsonBodies.parse(jsonMapper, body)))
                .thenApply(accepted -> HttpResponse.<ImportAccepted>accepted().body(accepted));
    }
}
