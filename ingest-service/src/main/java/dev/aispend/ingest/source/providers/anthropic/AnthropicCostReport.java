package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.JsonNumbers;
import dev.aispend.ingest.source.UsdAmounts;
import dev.aispend.ingest.source.providers.MappedPage;
import dev.aispend.ingest.source.providers.PageMapper;
import dev.aispend.ingest.source.providers.ProviderAttributes;
import dev.aispend.ingest.source.providers.ProviderPage;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of Anthropic's Admin API {@code GET /v1/organizations/cost_report}: one usage record per bucket and cost
 * item, with zero tokens and the reported cost. {@code amount} is a decimal STRING in cents ("123.45" is
 * $1.2345, 1,234,500 USD micros), read exactly; a currency other than USD is refused. The id is deterministic from
 * the bucket and every grouping dimension ({@code workspace_id}, {@code description} and what it implies). A cost
 * report carries no person: it reconciles spend by workspace, model and token type. Zero amounts are skipped.
 */
public final class AnthropicCostReport implements PageMapper {
    public static final String SOURCE = "anthropic:cost-report";
    private static final Map<String, String> FIELD_NAMES = Map.of("id", "starting_at", "occurredAt", "starting_at",
            "model", "model", "reportedCostUsdMicros", "amount");

    @Override
    public MappedPage map(JsonNode page) {
        List<FieldError> violations = new ArrayList<>();
        MappedPage mapped = new MappedPage(FIELD_NAMES);
        for (JsonFields bucket : ProviderPage.data(page, "the Anthropic cost report", violations)) {
            Instant start = bucket.instant("starting_at", true);
            Instant end = bucket.instant("ending_at", true);
            for (JsonFields result : ProviderPage.objects(bucket, "results", violations)) {
                UsageSubmission usage = read(result, start, end);
                if (usage == null) {
                    mapped.skip();
                } else {
                    mapped.add(usage, ProviderPage.pathOf(result));
                }
            }
        }
        ProviderPage.refuseIfAny(violations);
        return mapped;
    }

    private static UsageSubmission read(JsonFields result, Instant start, Instant end) {
        BigDecimal cents = centsString(result);
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
        Long micros = cents == null ? null : UsdAmounts.centsToMicros(cents);
        if (micros == null || micros == 0) {
            return null;
        }
        String id = DeterministicIds.of("anthropic-cost", start, end, workspaceId, description, costType, tokenType,
                model, serviceTier, contextWindow, inferenceGeo, speed);
        ProviderAttributes attributes = new ProviderAttributes().put("anthropic.bucket_end", end)
                .put("anthropic.workspace_id", workspaceId).put("anthropic.description", description)
                .put("anthropic.cost_type", costType).put("anthropic.token_type", tokenType)
                .put("anthropic.service_tier", serviceTier).put("anthropic.context_window", contextWindow)
                .put("anthropic.inference_geo", inferenceGeo).put("anthropic.speed", speed);
        return new UsageSubmission(id, start, SOURCE, SubjectAliases.NONE, null, null, AnthropicUsageReport.PROVIDER,
                model == null ? ProviderPage.UNKNOWN_MODEL : model, TokenCounts.zero(), null, null, null, micros,
                attributes.values(), false);
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
