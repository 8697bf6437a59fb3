package dev.aispend.ingest.source.litellm;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.SubmissionRules;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.DeterministicIds;
import dev.aispend.ingest.source.IdPrefixes;
import dev.aispend.ingest.source.IdentifyingRefs;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.ingest.source.JsonNumbers;
import dev.aispend.ingest.source.UsdAmounts;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * LiteLLM's StandardLoggingPayload into usage submissions (docs/integrations.md has the mapping table). Unknown
 * fields are ignored (LiteLLM adds fields often); a known field of the wrong type is refused. Skipped, and
 * counted as such: LiteLLM cache hits (LiteLLM answered from its own cache; no provider was called) and payloads
 * with no tokens and no cost (a failed call the provider did not bill). A failed call that carries tokens is
 * recorded: the provider counted them. Pure: no I/O.
 */
final class LiteLlmMapper {
    static final String SOURCE = "litellm";
    static final String UNKNOWN_MODEL = "unknown";
    /** Our field names in LiteLLM's words, for refusals. */
    static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("occurredAt", "endTime"), Map.entry("model", "model"),
            Map.entry("provider", "custom_llm_provider"), Map.entry("inputTokens", "prompt_tokens"),
            Map.entry("outputTokens", "completion_tokens"), Map.entry("reasoningTokens", "completion_tokens"),
            Map.entry("cacheReadTokens", "metadata.usage_object.prompt_tokens_details.cached_tokens"),
            Map.entry("cacheWrite5mTokens", "metadata.usage_object.cache_creation_input_tokens"),
            Map.entry("cacheWrite1hTokens", "metadata.usage_object.cache_creation_input_tokens"),
            Map.entry("reportedCostUsdMicros", "response_cost"), Map.entry("team", "metadata.user_api_key_team_alias"),
            Map.entry("email", "metadata.user_api_key_user_email"),
            Map.entry("providerAccountId", "metadata.user_api_key_user_id"),
            Map.entry("apiKeyId", "metadata.user_api_key_hash"), Map.entry("sessionId", "trace_id"),
            Map.entry("requestId", "id"));
    private static final int MAX_TAGS = 256;
    private static final String PURPOSE_TAG = "purpose:";

    private final IdentifyingRefs refs;

    LiteLlmMapper(IdentifyingRefs refs) {
        this.refs = refs;
    }

    /** What a request's payloads became: the submissions, where each came from, and how many were skipped. */
    record Batch(List<UsageSubmission> submissions, List<String> paths, int skipped) {
    }

    /** All or nothing: any payload of the wrong shape refuses the request, naming {@code [i].field}. */
    Batch map(List<LiteLlmBody.Element> elements) {
        List<FieldError> violations = new ArrayList<>();
        List<UsageSubmission> submissions = new ArrayList<>(elements.size());
        List<String> paths = new ArrayList<>(elements.size());
        int skipped = 0;
        for (LiteLlmBody.Element element : elements) {
            if (!element.node().isObject()) {
                violations.add(new FieldError(element.path().isEmpty() ? "$" : element.path(),
                        "must be a StandardLoggingPayload object"));
                continue;
            }
            String prefix = element.path().isEmpty() ? "" : element.path() + ".";
            UsageSubmission submission = read(JsonFields.of(element.node(), prefix, violations));
            if (submission == null) {
                skipped++;
            } else {
                submissions.add(submission);
                paths.add(element.path());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        return new Batch(submissions, paths, skipped);
    }

    /** The submission, or null when the payload is skipped. */
    private @Nullable UsageSubmission read(JsonFields payload) {
        JsonFields metadata = payload.object("metadata");
        TokenCounts tokens = LiteLlmTokens.read(payload, metadata);
        Long reportedCost = reportedCost(payload);
        Boolean cacheHit = payload.bool("cache_hit");
        String status = payload.text("status");
        String litellmId = payload.requiredText("id");
        Instant endTime = JsonNumbers.epochSecondsOrIsoTime(payload, "endTime");
        Instant occurredAt = endTime != null ? endTime : JsonNumbers.epochSecondsOrIsoTime(payload, "startTime");
        if (occurredAt == null && payload.node("endTime") == null && payload.node("startTime") == null) {
            payload.refuse("endTime", "is required (or startTime)");
        }
        List<String> tags = payload.texts("request_tags", MAX_TAGS);
        String provider = lowerCase(payload.text("custom_llm_provider"));
        LiteLlmAttributes attributes = LiteLlmAttributes.of(payload, metadata, tags, refs);
        if (Boolean.TRUE.equals(cacheHit)
                || (tokens.totalTokens() == 0 && (reportedCost == null || reportedCost == 0))) {
            return null;
        }
        if ("failure".equals(status)) {
            attributes.put("litellm.status", "failure");
        }
        if (provider != null && !isName(provider)) {
            attributes.put("litellm.custom_llm_provider", provider);
            provider = null;
        }
        String model = model(payload, provider);
        String seller = provider == null ? null : SELLERS.getOrDefault(provider, provider);
        if (seller != null && !seller.equals(provider)) {
            // Kept as LiteLLM said it: the route (Gemini API or Vertex AI) matters to whoever reconciles the bill.
            attributes.put("litellm.custom_llm_provider", provider);
        }
        return new UsageSubmission(id(litellmId), occurredAt, SOURCE, subject(metadata), team(metadata), null,
                seller, model, tokens, purpose(tags), printable(payload.text("trace_id")),
                printable(litellmId), reportedCost, attributes.values(), false);
    }

    /** What LiteLLM says the call cost, unless it says its cost tracking failed (then nothing is reported). */
    private static @Nullable Long reportedCost(JsonFields payload) {
        BigDecimal dollars = JsonNumbers.nonNegativeDecimal(payload, "response_cost", false);
        if (dollars == null || payload.node("response_cost_failure_debug_info") != null) {
            return null;
        }
        Long micros = UsdAmounts.dollarsToMicros(dollars);
        if (micros == null) {
            payload.refuse("response_cost", "is too large a USD amount to hold, was " + dollars.toPlainString());
        }
        return micros;
    }

    /** {@code litellm-<id>} when that is a valid id, else a deterministic id from LiteLLM's id. */
    static @Nullable String id(@Nullable String litellmId) {
        if (litellmId == null || litellmId.isEmpty()) {
            return null;
        }
        String id = IdPrefixes.LITELLM + "-" + litellmId;
        boolean valid = id.length() <= SubmissionRules.MAX_ID_LENGTH && SubmissionRules.ID.matcher(id).matches();
        return valid ? id : DeterministicIds.of(IdPrefixes.LITELLM, litellmId);
    }

    private static SubjectAliases subject(@Nullable JsonFields metadata) {
        if (metadata == null) {
            return SubjectAliases.NONE;
        }
        return new SubjectAliases(null, metadata.text("user_api_key_user_email"), null,
                metadata.textOrNumber("user_api_key_user_id"), metadata.text("user_api_key_hash"));
    }

    /** The key's team alias, else its team id, when it is a valid team name; else the directory decides. */
    private static @Nullable String team(@Nullable JsonFields metadata) {
        if (metadata == null) {
            return null;
        }
        String alias = metadata.text("user_api_key_team_alias");
        if (isName(alias)) {
            return alias;
        }
        String teamId = metadata.text("user_api_key_team_id");
        return isName(teamId) ? teamId : null;
    }

    /**
     * LiteLLM's provider names for routes to a model maker that rate cards name by the maker: Google sells Gemini
     * through its Gemini API ({@code gemini}) and Vertex AI ({@code vertex_ai}) at the same list prices, so both
     * are priced by the {@code google} card. Resellers with prices of their own (Azure, Bedrock) keep their names:
     * a card of theirs prices them, and without one the spend is recorded unpriced rather than at another's price.
     */
    static final Map<String, String> SELLERS = Map.of("gemini", "google", "vertex_ai", "google",
            "vertex_ai_beta", "google", "text-completion-openai", "openai");

    /** LiteLLM may prefix the provider ({@code bedrock/...}); rate cards name the model without it. */
    private static String model(JsonFields payload, @Nullable String provider) {
        String model = payload.text("model");
        if (model != null && provider != null && model.toLowerCase(Locale.ROOT).startsWith(provider + "/")) {
            model = model.substring(provider.length() + 1);
        }
        if (model == null || model.isBlank()) {
            String group = payload.text("model_group");
            return group == null || group.isBlank() ? UNKNOWN_MODEL : group;
        }
        return model;
    }

    /** The first request tag {@code purpose:<name>} whose name is a valid purpose. */
    static @Nullable String purpose(List<String> tags) {
        for (String tag : tags) {
            if (tag.startsWith(PURPOSE_TAG) && isName(tag.substring(PURPOSE_TAG.length()).strip())) {
                return tag.substring(PURPOSE_TAG.length()).strip();
            }
        }
        return null;
    }

    private static @Nullable String printable(@Nullable String value) {
        boolean fits = value != null && !value.isBlank() && value.length() <= SubmissionRules.MAX_SESSION_ID_LENGTH
                && SubmissionRules.PRINTABLE.matcher(value).matches();
        return fits ? value : null;
    }

    private static @Nullable String lowerCase(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.toLowerCase(Locale.ROOT);
    }

    static boolean isName(@Nullable String value) {
        return value != null && !value.isEmpty() && value.length() <= SubmissionRules.MAX_NAME_LENGTH
                && SubmissionRules.NAME.matcher(value).matches();
    }

    static String endUserRef(IdentifyingRefs refs, String endUser) {
        return refs.ref(AliasKind.PERSON, endUser);
    }
}
