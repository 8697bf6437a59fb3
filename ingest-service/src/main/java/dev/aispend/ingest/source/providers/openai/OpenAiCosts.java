package dev.aispend.ingest.source.providers.openai;

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
 * A page of OpenAI's {@code GET /v1/organization/costs}: one usage record per bucket and result with zero tokens
 * and the reported cost, {@code amount.value} in DOLLARS (a JSON number, read through its shortest decimal form),
 * {@code amount.currency} {@code "usd"} (anything else is refused). Costs have no model: the model is
 * {@code unknown} and {@code line_item} is kept as an attribute. The id is deterministic from the bucket,
 * {@code line_item}, {@code project_id}, {@code api_key_id} and {@code organization_id}; zero amounts are skipped,
 * an amount too large to hold in USD micros is refused.
 */
public final class OpenAiCosts extends BucketedReport {
    public static final String SOURCE = "openai:costs";
    private static final String RESULT_OBJECT = "organization.costs.result";
    private static final Map<String, String> FIELD_NAMES = Map.of("id", "start_time", "occurredAt", "start_time",
            "reportedCostUsdMicros", "amount.value", "apiKeyId", "api_key_id");

    public OpenAiCosts(IdentifyingRefs refs, Clock clock) {
        super("OpenAI costs", new ReportSource(SOURCE, OpenAiUsage.PROVIDER), FIELD_NAMES, OpenAiUsage.BUCKET, refs,
                clock);
    }

    @Override
    protected @Nullable UsageSubmission entry(JsonFields result, Bucket bucket) {
        ProviderPage.requireObject(result, RESULT_OBJECT, "post /v1/organization/costs pages here, usage pages to "
                + "/v1/imports/openai/usage");
        Long micros = amountUsdMicros(result);
        String lineItem = result.text("line_item");
        String projectId = result.text("project_id");
        String apiKeyId = result.text("api_key_id");
        String organizationId = result.text("organization_id");
        if (micros == null || micros == 0) {
            return null;
        }
        String id = DeterministicIds.of(IdPrefixes.OPENAI_COSTS, bucket.start(), bucket.end(), lineItem, projectId,
                ref(AliasKind.API_KEY_ID, apiKeyId), organizationId);
        ProviderAttributes attributes = new ProviderAttributes().put("openai.bucket_end", bucket.end())
                .put("openai.line_item", lineItem).put("openai.project_id", projectId)
                .put("openai.organization_id", organizationId);
        return source().reportedCost(id, bucket.start(), ProviderPage.accountAndKey(null, apiKeyId), null, micros,
                attributes.values());
    }

    /** {@code amount {value, currency}}: value a number of dollars, currency usd. */
    private static @Nullable Long amountUsdMicros(JsonFields result) {
        JsonFields amount = result.object("amount");
        if (amount == null) {
            result.refuse("amount", "is required: {\"value\": <dollars>, \"currency\": \"usd\"}");
            return null;
        }
        ProviderPage.requireUsd(amount, "currency");
        if (amount.node("value") == null) {
            amount.refuse("value", "is required");
            return null;
        }
        return ProviderPage.usdMicros(amount, "value", JsonNumbers.nonNegativeDecimal(amount, "value", false), false);
    }
}
