package dev.aispend.ingest.source.providers;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * The usage submissions one provider report yields, built in one place: a report aggregates, so it names no team,
 * cost center, purpose, session or request (the directory attributes its aliases); whether a record is spend or
 * evidence is the configured source of truth's decision, never the report's; an entry not grouped by model is
 * model {@link ProviderPage#UNKNOWN_MODEL} (the ledger cannot price it).
 *
 * @param source   stamped on the records, e.g. {@code anthropic:cost-report}
 * @param provider whose models were used, e.g. {@code anthropic}
 */
public record ReportSource(String source, String provider) {

    /** Tokens, and the provider's own cost of them when the report gives one. */
    public UsageSubmission usage(String id, @Nullable Instant occurredAt, SubjectAliases subject,
                                 @Nullable String model, TokenCounts tokens, @Nullable Long reportedCostUsdMicros,
                                 Map<String, String> attributes) {
        return new UsageSubmission(id, occurredAt, source, subject, null, null, provider,
                model == null ? ProviderPage.UNKNOWN_MODEL : model, tokens, null, null, null, reportedCostUsdMicros,
                attributes, false);
    }

    /** A cost report entry: the reported cost with zero tokens (a cost report does not count tokens). */
    public UsageSubmission reportedCost(String id, @Nullable Instant occurredAt, SubjectAliases subject,
                                        @Nullable String model, long costUsdMicros, Map<String, String> attributes) {
        return usage(id, occurredAt, subject, model, TokenCounts.zero(), costUsdMicros, attributes);
    }
}
