package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.JsonNumbers;
import dev.aispend.ingest.source.providers.BucketedReport;
import dev.aispend.ingest.source.providers.ProviderAttributes;
import dev.aispend.ingest.source.providers.ProviderPage;
import dev.aispend.ingest.source.providers.ReportSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

/**
 * A page of Anthropic's Admin API {@code GET /v1/organizations/cost_report}: one usage record per bucket and cost
 * item, with zero tokens and the reported cost. {@code amount} is a decimal STRING in cents ("123.45" is
 * $1.2345, 1,234,500 USD micros), read exactly; a currency other than USD is refused. The id is deterministic from
 * the bucket and every grouping dimension ({@code workspace_id}, {@code description} and what it implies). A cost
 * report carries no person: it reconciles spend by workspace, model and token type. Zero amounts are skipped; an
 * amount too large to hold in USD micros is refused.
 */
public final class AnthropicCostReport extends BucketedReport {
    public static final String SOURCE = "anthropic:cost-report";
    private static final Map<String, String> FIELD_NAMES = Map.of("id", "starting_at", "occurredAt", "starting_at",
            "model", "model", "reportedCostUsdMicros", "amount");

    public AnthropicCostReport(Clock clock) {
        super("the Anthropic cost report", new ReportSource(SOURCE, AnthropicUsageReport.PROVIDER), FIELD_NAMES,
                AnthropicUsageReport.BUCKET, clock);
    }

    @Override
    protected @Nullable UsageSubmission entry(JsonFields result, Bucket bucket) {
        Long micros = ProviderPage.usdMicros(result, "amount", centsString(result), true);
        ProviderPage.requireUsd(result, "currency");
        String model = result.text("model");
        String workspaceId = result.text("workspace_id");
        String description = result.text("description");
        String costType = result.text("cost_type");
        String tokenType = result.text("token_type");
        String serviceTier = result.text("service_tier");
        String contextWindow = result.text("context_window");
        String inferenceGeo = result.text("inference_geo");
        String speed = result.text("speed");
        if (micros == null || micros == 0) {
            return null;
        }
        String id = DeterministicIds.of(IdPrefixes.ANTHROPIC_COST, bucket.start(), bucket.end(), workspaceId,
                description, costType, tokenType, model, serviceTier, contextWindow, inferenceGeo, speed);
        ProviderAttributes attributes = new ProviderAttributes().put("anthropic.bucket_end", bucket.end())
                .put("anthropic.workspace_id", workspaceId).put("anthropic.description", description)
                .put("anthropic.cost_type", costType).put("anthropic.token_type", tokenType)
                .put("anthropic.service_tier", serviceTier).put("anthropic.context_window", contextWindow)
                .put("anthropic.inference_geo", inferenceGeo).put("anthropic.speed", speed);
        return source().reportedCost(id, bucket.start(), SubjectAliases.NONE, model, micros, attributes.values());
    }

    /** The documented form only: a decimal string of cents. A number is refused (it would be read as dollars). */
    private static BigDecimal centsString(JsonFields result) {
        JsonNode amount = result.node("amount");
        if (amount == null) {
            result.refuse("amount", "is required");
            return null;
        }
        if (!amount.isString()) {
            result.refuse("amount", "must be a decimal string in cents, e.g. \"123.45\" (as the cost report sends it)");
            return null;
        }
        return JsonNumbers.nonNegativeDecimal(result, "amount", true);
    }
}
