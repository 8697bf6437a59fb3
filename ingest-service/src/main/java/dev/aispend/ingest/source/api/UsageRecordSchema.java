package dev.aispend.ingest.source.api;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The usage record of {@code POST /v1/usage} as the OpenAPI document shows it. Documentation only: the body is read
 * by {@link UsageJsonAdapter}, which refuses unknown fields, so this list and the adapter's must agree (a test
 * compares them).
 */
@Introspected
@Schema(name = "UsageRecord", description = "One use of a model. Tokens are per type; input excludes cache reads "
        + "and writes. Identity: person and/or aliases (at least one).")
record UsageRecordSchema(
        @Schema(description = "idempotency key: the ledger records an id once", example = "req-2026-11-22-0001",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128, pattern = "[A-Za-z0-9._:-]+")
        String id,
        @Schema(description = "ISO-8601 with offset", example = "2026-11-22T10:15:30Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String occurredAt,
        @Schema(description = "the client, recorded as source api:<client>", example = "my-gateway")
        String source,
        @Schema(example = "anthropic") String provider,
        @Schema(example = "claude-sonnet-4-5", requiredMode = Schema.RequiredMode.REQUIRED) String model,
        @Schema(description = "else the directory's team, else unattributed", example = "platform") String team,
        @Schema(example = "eng-123") String costCenter,
        @Schema(description = "the directory's stable person key", example = "alice@example.com") String person,
        AliasesSchema aliases,
        @Schema(description = "purpose tag", example = "code-review") String purpose,
        String sessionId,
        String requestId,
        @Schema(description = "what the client says it cost, in USD micros", example = "12345")
        Long reportedCostUsdMicros,
        @Schema(description = "extra attributes, string values (bounded: INGEST_MAX_ATTRIBUTES)")
        Map<String, String> attributes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") long inputTokens,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") long outputTokens,
        @Schema(minimum = "0") Long cacheReadTokens,
        @Schema(minimum = "0") Long cacheWrite5mTokens,
        @Schema(minimum = "0") Long cacheWrite1hTokens,
        @Schema(minimum = "0") Long reasoningTokens) {

    /** Aliases the directory maps to a person; an unknown one is recorded under a pseudonymous alias ref. */
    @Introspected
    @Schema(name = "Aliases")
    record AliasesSchema(String email, String githubLogin, String providerAccountId, String apiKeyId) {
    }

    /** The batch body. */
    @Introspected
    @Schema(name = "UsageBatch")
    record BatchSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) java.util.List<UsageRecordSchema> records) {
    }
}
