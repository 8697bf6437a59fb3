package dev.aispend.ingest.source.providers.anthropic;




import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.providers.BucketedReport;
import dev.aispend.ingest.source.providers.ProviderAttributes;
import dev.aispend.ingest.source.providers.ProviderPage;
import dev.aispend.ingest.source.providers.ReportSource;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
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
public final class AnthropicUsageReport extends BucketedReport {
    public static final String SOURCE = "anthropic:usage-report";
    static final String PROVIDER = "anthropic";
    /** Anthropic's Admin API reports write their buckets' bounds as RFC 3339 times. */
    static final Bounds BUCKET = new Bounds("ending_at", bucket -> new Bucket(bucket.instant("starting_at", true),
            bucket.instant("ending_at", true)));
    private static final Map<String, String> FIELD_NAMES = Map.of("id", "starting_at", "occurredAt", "starting_at",
            "model", "model", "inputTokens", "uncached_input_tokens", "outputTokens", "output_tokens",
            "cacheReadTokens", "cache_read_input_tokens", "cacheWrite5mTokens",
            "cache_creation.ephemeral_5m_input_tokens", "cacheWrite1hTokens",
            "cache_creation.ephemeral_1h_input_tokens", "apiKeyId", "api_key_id", "providerAccountId", "account_id");

    public AnthropicUsageReport(IdentifyingRefs refs, Clock clock) {
        super("the Anthropic usage report", new ReportSource(SOURCE, PROVIDER), FIELD_NAMES, BUCKET, refs, clock);
    }

    @Override
    protected @Nullable UsageSubmission entry(JsonFields result, Bucket bucket) {
        JsonFields cacheCreation = result.object("cache_creation");
        TokenCounts tokens = new TokenCounts(ProviderPage.requiredCount(result, "uncached_input_tokens"),
                ProviderPage.requiredCount(result, "output_tokens"),
                ProviderPage.count(result, "cache_read_input_tokens"),
                ProviderPage.count(cacheCreation, "ephemeral_5m_input_tokens"),
                ProviderPage.count(cacheCreation, "ephemeral_1h_input_tokens"), 0);
        long webSearches = ProviderPage.count(result.object("server_tool_use"), "web_search_requests");
        Group group = Group.of(result);
        if (tokens.totalTokens() == 0 && webSearches == 0) {
            return null;
        }
        String id = DeterministicIds.of(IdPrefixes.ANTHROPIC_USAGE, bucket.start(), bucket.end(), group.model(),
                ref(AliasKind.API_KEY_ID, group.apiKeyId()), group.workspaceId(),
                group.serviceTier(), group.contextWindow(), group.inferenceGeo(), group.speed(),
                ref(AliasKind.PROVIDER_ACCOUNT_ID, group.accountId()), group.serviceAccountId());
        ProviderAttributes attributes = new ProviderAttributes().put("anthropic.bucket_end", bucket.end())
                .put("anthropic.workspace_id", group.workspaceId()).put("anthropic.service_tier", group.serviceTier())
                .put("anthropic.context_window", group.contextWindow())
                .put("anthropic.inference_geo", group.inferenceGeo()).put("anthropic.speed", group.speed())
                .put("anthropic.service_account_id", group.serviceAccountId())
                .putCount("anthropic.web_search_requests", webSearches);
        return source().usage(id, bucket.start(), ProviderPage.accountAndKey(group.accountId(), group.apiKeyId()),
                group.model(), tokens, null, attributes.values());
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
