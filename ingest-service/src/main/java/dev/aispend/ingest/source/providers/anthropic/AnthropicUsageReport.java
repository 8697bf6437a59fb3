package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.AliasKind;
import dev.aispend.ingest.acceptance.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.providers.MappedPage;
import dev.aispend.ingest.source.providers.PageMapper;
import dev.aispend.ingest.source.providers.ProviderAttributes;
import dev.aispend.ingest.source.providers.ProviderPage;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of Anthropic's Admin API {@code GET /v1/organizations/usage_report/messages}: one usage record per time
 * bucket and result (group). Tokens map one to one ({@code uncached_input_tokens} is our input, cache writes by
 * TTL from {@code cache_creation}); occurredAt is the bucket's {@code starting_at}. The id is deterministic from
 * the bucket and every group-by dimension, so the same page imported twice gives the same ids. A result not
 * grouped by model has model {@code unknown} (the ledger cannot price it: group by model to price a backfill).
 * Attribution is by {@code api_key_id} and {@code account_id} (aliases the directory maps); all-zero results are
 * skipped.
 */
public final class AnthropicUsageReport implements PageMapper {
    public static final String SOURCE = "anthropic:usage-report";
    static final String PROVIDER = "anthropic";
    private static final Map<String, String> FIELD_NAMES = Map.of("id", "starting_at", "occurredAt", "starting_at",
            "model", "model", "inputTokens", "uncached_input_tokens", "outputTokens", "output_tokens",
            "cacheReadTokens", "cache_read_input_tokens", "cacheWrite5mTokens",
            "cache_creation.ephemeral_5m_input_tokens", "cacheWrite1hTokens",
            "cache_creation.ephemeral_1h_input_tokens", "apiKeyId", "api_key_id", "providerAccountId", "account_id");

    private final IdentifyingRefs refs;

    public AnthropicUsageReport(IdentifyingRefs refs) {
        this.refs = refs;
    }

    @Override
    public MappedPage map(JsonNode page) {
        List<FieldError> violations = new ArrayList<>();
        MappedPage mapped = new MappedPage(FIELD_NAMES);
        for (JsonFields bucket : ProviderPage.data(page, "the Anthropic usage report", violations)) {
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

    private UsageSubmission read(JsonFields result, Instant start, Instant end) {
        JsonFields cacheCreation = result.object("cache_creation");
        TokenCounts tokens = new TokenCounts(requiredCount(result, "uncached_input_tokens"),
                requiredCount(result, "output_tokens"), ProviderPage.count(result, "cache_read_input_tokens"),
                ProviderPage.count(cacheCreation, "ephemeral_5m_input_tokens"),
                ProviderPage.count(cacheCreation, "ephemeral_1h_input_tokens"), 0);
        long webSearches = ProviderPage.count(result.object("server_tool_use"), "web_search_requests");
        Group group = Group.of(result);
        if (tokens.totalTokens() == 0 && webSearches == 0) {
            return null;
        }
        String id = DeterministicIds.of("anthropic-usage", start, end, group.model(),
                ProviderPage.ref(refs, AliasKind.API_KEY_ID, group.apiKeyId()), group.workspaceId(),
                group.serviceTier(), group.contextWindow(), group.inferenceGeo(), group.speed(),
                ProviderPage.ref(refs, AliasKind.PROVIDER_ACCOUNT_ID, group.accountId()), group.serviceAccountId());
        ProviderAttributes attributes = new ProviderAttributes().put("anthropic.bucket_end", end)
                .put("anthropic.workspace_id", group.workspaceId()).put("anthropic.service_tier", group.serviceTier())
                .put("anthropic.context_window", group.contextWindow())
                .put("anthropic.inference_geo", group.inferenceGeo()).put("anthropic.speed", group.speed())
                .put("anthropic.service_account_id", group.serviceAccountId())
                .putCount("anthropic.web_search_requests", webSearches);
        return new UsageSubmission(id, start, SOURCE,
                new SubjectAliases(null, null, null, group.accountId(), group.apiKeyId()), null, null, PROVIDER,
                group.model() == null ? ProviderPage.UNKNOWN_MODEL : group.model(), tokens, null, null, null, null,
                attributes.values(), false);
    }

    private static long requiredCount(JsonFields result, String field) {
        if (result.node(field) == null) {
            result.refuse(field, "is required");
            return 0;
        }
        return ProviderPage.count(result, field);
    }

    /** The group-by dimensions of a result; each is null when the report was not grouped by it. */
    private record Group(String model, String apiKeyId, String workspaceId, String serviceTier, String contextWindow,
                         String inferenceGeo, String speed, String accountId, String serviceAccountId) {
        static Group of(JsonFields result) {
            return new Group(result.text("model"), result.text("api_key_id"), result.text("workspace_id"),
                    result.text("service_tier"), result.text("context_window"), result.text("inference_geo"),
                    result.text("speed"), result.text("account_id"), result.text("service_account_id"));
        }
    }
}
