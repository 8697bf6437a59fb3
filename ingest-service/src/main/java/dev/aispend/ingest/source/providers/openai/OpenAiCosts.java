package dev.aispend.ingest.source.providers.openai;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.AliasKind;
import dev.aispend.ingest.acceptance.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.JsonNumbers;
import dev.aispend.ingest.source.UsdAmounts;
import dev.aispend.ingest.source.providers.MappedPage;
import dev.aispend.ingest.source.providers.PageMapper;
import dev.aispend.ingest.source.providers.ProviderAttributes;
import dev.aispend.ingest.source.providers.ProviderPage;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of OpenAI's {@code GET /v1/organization/costs}: one usage record per bucket and result with zero tokens
 * and the reported cost, {@code amount.value} in DOLLARS (a JSON number, read through its shortest decimal form),
 * {@code amount.currency} {@code "usd"} (anything else is refused). Costs have no model: the model is
 * {@code unknown} and {@code line_item} is kept as an attribute. The id is deterministic from the bucket,
 * {@code line_item}, {@code project_id}, {@code api_key_id} and {@code organization_id}; zero amounts are skipped.
 */
public final class OpenAiCosts implements PageMapper {
    public static final String SOURCE = "openai:costs";
    private static final String RESULT_OBJECT = "organization.costs.result";
    private static final Map<String, String> FIELD_NAMES = Map.of("id", "start_time", "occurredAt", "start_time",
            "reportedCostUsdMicros", "amount.value", "apiKeyId", "api_key_id");

    private final IdentifyingRefs refs;

    public OpenAiCosts(IdentifyingRefs refs) {
        this.refs = refs;
    }

    @Override
    public MappedPage map(JsonNode page) {
        List<FieldError> violations = new ArrayList<>();
        MappedPage mapped = new MappedPage(FIELD_NAMES);
        for (JsonFields bucket : ProviderPage.data(page, "OpenAI costs", violations)) {
            Instant start = JsonNumbers.epochSeconds(bucket, "start_time", true);
            Instant end = JsonNumbers.epochSeconds(bucket, "end_time", true);
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

    private @Nullable UsageSubmission read(JsonFields result, Instant start, Instant end) {
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
        String id = DeterministicIds.of("openai-costs", start, end, lineItem, projectId,
                ProviderPage.ref(refs, AliasKind.API_KEY_ID, apiKeyId), organizationId);
        ProviderAttributes attributes = new ProviderAttributes().put("openai.bucket_end", end)
                .put("openai.line_item", lineItem).put("openai.project_id", projectId)
                .put("openai.organization_id", organizationId);
        return new UsageSubmission(id, start, SOURCE, new SubjectAliases(null, null, null, null, apiKeyId), null,
                null, OpenAiUsage.PROVIDER, ProviderPage.UNKNOWN_MODEL, TokenCounts.zero(), null, null, null, micros,
                attributes.values(), false);
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
        BigDecimal dollars = JsonNumbers.nonNegativeDecimal(amount, "value", false);
        return dollars == null ? null : UsdAmounts.dollarsToMicros(dollars);
    }
}
