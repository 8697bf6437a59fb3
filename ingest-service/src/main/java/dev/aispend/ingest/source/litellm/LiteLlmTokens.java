package dev.aispend.ingest.source.litellm;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.source.JsonFields;
import io.micronaut.core.annotation.Nullable;

/**
 * A StandardLoggingPayload's tokens, one count per priced type. LiteLLM reports OpenAI's convention for every
 * provider: {@code prompt_tokens} includes cache reads and cache writes (its Anthropic transformation adds both),
 * {@code completion_tokens} includes reasoning. The split comes from the usage object LiteLLM logs
 * ({@code metadata.usage_object}, else {@code hidden_params.usage_object}):
 * <ul>
 * <li>cache reads: {@code prompt_tokens_details.cached_tokens} or {@code cache_read_input_tokens};</li>
 * <li>cache writes: {@code cache_creation_input_tokens} or {@code prompt_tokens_details.cache_creation_tokens} or
 *     {@code cache_write_tokens} (LiteLLM mirrors them; the largest is taken); one-hour writes from
 *     {@code prompt_tokens_details.cache_creation_token_details.ephemeral_1h_input_tokens}, the rest are
 *     five-minute writes (Anthropic's default TTL);</li>
 * <li>reasoning: {@code completion_tokens_details.reasoning_tokens}, taken out of output.</li>
 * </ul>
 * Uncached input is prompt minus reads minus writes. Some LiteLLM releases left cache writes out of prompt_tokens;
 * when prompt_tokens is smaller than reads plus writes it cannot include both, so only reads are taken out. Every
 * difference is floored at zero: a client's inconsistent counts never make a negative count.
 */
final class LiteLlmTokens {
    /** Far above any one call, far below overflow; the configured per-record limit is the acceptance path's. */
    static final long MAX_PARSED_TOKENS = 1L << 50;

    private LiteLlmTokens() {
    }

    static TokenCounts read(JsonFields payload, @Nullable JsonFields metadata) {
        long prompt = orZero(payload.count("prompt_tokens", MAX_PARSED_TOKENS));
        long completion = orZero(payload.count("completion_tokens", MAX_PARSED_TOKENS));
        JsonFields usage = usageObject(payload, metadata);
        if (usage == null) {
            return new TokenCounts(prompt, completion, 0, 0, 0, 0);
        }
        JsonFields promptDetails = usage.object("prompt_tokens_details");
        JsonFields completionDetails = usage.object("completion_tokens_details");
        // LiteLLM mirrors each count in two places; they describe the same tokens, so the larger one is taken.
        long cacheRead = Math.max(orZero(count(promptDetails, "cached_tokens")),
                orZero(count(usage, "cache_read_input_tokens")));
        long cacheWrite = Math.max(orZero(count(usage, "cache_creation_input_tokens")), Math.max(
                orZero(count(promptDetails, "cache_creation_tokens")),
                orZero(count(promptDetails, "cache_write_tokens"))));
        JsonFields writeDetails = promptDetails == null ? null : promptDetails.object("cache_creation_token_details");
        long cacheWrite1h = Math.min(cacheWrite, orZero(count(writeDetails, "ephemeral_1h_input_tokens")));
        long reasoning = Math.min(completion, orZero(count(completionDetails, "reasoning_tokens")));
        long uncached = prompt >= cacheRead + cacheWrite ? prompt - cacheRead - cacheWrite
                : Math.max(0, prompt - cacheRead);
        return new TokenCounts(uncached, completion - reasoning, cacheRead, cacheWrite - cacheWrite1h, cacheWrite1h,
                reasoning);
    }

    private static @Nullable JsonFields usageObject(JsonFields payload, @Nullable JsonFields metadata) {
        JsonFields usage = metadata == null ? null : metadata.object("usage_object");
        if (usage != null) {
            return usage;
        }
        JsonFields hidden = payload.object("hidden_params");
        return hidden == null ? null : hidden.object("usage_object");
    }

    private static @Nullable Long count(@Nullable JsonFields fields, String field) {
        return fields == null ? null : fields.count(field, MAX_PARSED_TOKENS);
    }

    private static long orZero(@Nullable Long count) {
        return count == null ? 0 : count;
    }
}
