package dev.aispend.ingest.acceptance;

import dev.aispend.ingest.identity.SubjectAliases;

import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One use of a model as any client format describes it, normalized: what every adapter (our JSON API, OTLP,
 * LiteLLM, provider imports) hands to the {@link AcceptancePath}. Nothing here is checked yet; the acceptance
 * path applies the shared rules ({@link SubmissionRules}) to every submission alike.
 *
 * @param id                    the idempotency key: the client's id, or a deterministic id an adapter derived
 *                              from the fields that identify the use (the same export twice gives the same ids)
 * @param source                the channel and client, {@code <channel>[:<client>]}, e.g. {@code api},
 *                              {@code otlp:claude-code}, {@code litellm}, {@code anthropic:usage-report}
 * @param team                  the team the client names, else the directory's
 * @param reportedCostUsdMicros what the client or provider says the use cost
 * @param attributes            a client's extra attributes (bounded by the rules)
 * @param evidenceOnly          the adapter knows this is a second report of uses another of its signals counts
 *                              (Claude Code's log events when its metrics count); otherwise the configured
 *                              source of truth decides
 */
public record UsageSubmission(
        String id,
        Instant occurredAt,
        String source,
        SubjectAliases subject,
        @Nullable String team,
        @Nullable String costCenter,
        @Nullable String provider,
        String model,
        TokenCounts tokens,
        @Nullable String purpose,
        @Nullable String sessionId,
        @Nullable String requestId,
        @Nullable Long reportedCostUsdMicros,
        Map<String, String> attributes,
        boolean evidenceOnly) {

    public UsageSubmission {
        Objects.requireNonNull(source, "source");
        subject = subject == null ? SubjectAliases.NONE : subject;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
