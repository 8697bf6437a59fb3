package dev.aispend.ingest.source.providers.openai;




import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.JsonNumbers;
import dev.aispend.ingest.source.providers.BucketedReport;
import dev.aispend.ingest.source.providers.ProviderAttributes;
import dev.aispend.ingest.source.providers.ProviderPage;
import dev.aispend.ingest.source.providers.ReportSource;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.util.Map;

/**
 * A page of OpenAI's {@code GET /v1/organization/usage/completions}: one usage record per bucket and result.
 * {@code input_tokens} INCLUDES cached tokens (and, in the current API, cache writes), so our uncached input is
 * {@code input_tokens - input_cached_tokens - input_cache_write_tokens - input_cache_write_12h_tokens} (floored at
 * zero); cache reads are {@code input_cached_tokens}; OpenAI's short-retention cache writes
 * ({@code input_cache_write_tokens}) go to our five-minute write type and its 12-hour ones to our one-hour type.
 * Audio tokens are part of input and output and are kept as attributes for reconciliation. occurredAt is the
 * bucket's {@code start_time} (Unix seconds). Attribution is by {@code user_id} (provider account id) and
 * {@code api_key_id}; the id is deterministic from the bucket and every group-by dimension.
 */
public final class OpenAiUsage extends BucketedReport {
    public static final String SOURCE = "openai:usage";
    static final String PROVIDER = "openai";
    /** OpenAI's organization usage and costs write their buckets' bounds as Unix seconds. */
    static final Bounds BUCKET = new Bounds("end_time", bucket -> new Bucket(
            JsonNumbers.epochSeconds(bucket, "start_time", true), JsonNumbers.epochSeconds(bucket, "end_time", true)));
    private static final String RESULT_OBJECT = "organization.usage.completions.result";
    private static final Map<String, String> FIELD_NAMES = Map.of("id", "start_time", "occurredAt", "start_time",
            "model", "model", "inputTokens", "input_tokens", "outputTokens", "output_tokens", "cacheReadTokens",
            "input_cached_tokens", "cacheWrite5mTokens", "input_cache_write_tokens", "cacheWrite1hTokens",
            "input_cache_write_12h_tokens", "providerAccountId", "user_id", "apiKeyId", "api_key_id");

    public OpenAiUsage(IdentifyingRefs refs, Clock clock) {
        super("OpenAI completions usage", new ReportSource(SOURCE, PROVIDER), FIELD_NAMES, BUCKET, refs, clock);
    }

    @Override
    protected @Nullable UsageSubmission entry(JsonFields result, Bucket bucket) {
        ProviderPage.requireObject(result, RESULT_OBJECT, "post /v1/organization/usage/completions pages here, "
                + "costs pages to /v1/imports/openai/costs");
        long input = ProviderPage.requiredCount(result, "input_tokens");
        long output = ProviderPage.requiredCount(result, "output_tokens");
        long cached = ProviderPage.count(result, "input_cached_tokens");
        long written = ProviderPage.count(result, "input_cache_write_tokens");
        long written12h = ProviderPage.count(result, "input_cache_write_12h_tokens");
        TokenCounts tokens = new TokenCounts(Math.max(0, input - cached - written - written12h), output, cached,
                written, written12h, 0);
        Group group = Group.of(result);
        if (tokens.totalTokens() == 0) {
            return null;
        }
        String id = DeterministicIds.of(IdPrefixes.OPENAI_USAGE, bucket.start(), bucket.end(), group.model(),
                ref(AliasKind.API_KEY_ID, group.apiKeyId()),
                ref(AliasKind.PROVIDER_ACCOUNT_ID, group.userId()), group.projectId(),
                group.batch(), group.serviceTier(), group.apiSource());
        ProviderAttributes attributes = new ProviderAttributes().put("openai.bucket_end", bucket.end())
                .put("openai.project_id", group.projectId()).put("openai.batch", group.batch())
                .put("openai.service_tier", group.serviceTier()).put("openai.api_source", group.apiSource())
                .putCount("openai.num_model_requests", ProviderPage.count(result, "num_model_requests"))
                .putCount("openai.input_audio_tokens", ProviderPage.count(result, "input_audio_tokens"))
                .putCount("openai.output_audio_tokens", ProviderPage.count(result, "output_audio_tokens"));
        return source().usage(id, bucket.start(), ProviderPage.accountAndKey(group.userId(), group.apiKeyId()),
                group.model(), tokens, null, attributes.values());
    }

    /** The group-by dimensions of a result; each is null when the report was not grouped by it. */
    private record Group(String model, String apiKeyId, String userId, String projectId, Boolean batch,
                         String serviceTier, String apiSource) {
        static Group of(JsonFields result) {
            return new Group(result.text("model"), result.text("api_key_id"), result.text("user_id"),
                    result.text("project_id"), result.bool("batch"), result.text("service_tier"),
                    result.text("api_source"));
        }
    }
}
