package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.acceptance.Locator;

import java.util.List;
import java.util.Map;

/**
 * Names our fields as an OTLP client knows them, so a refusal reads
 * {@code resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[3] (claude_code.token.usage): team.id ...}
 * rather than in our vocabulary.
 */
final class OtlpFields {
    private static final Map<String, String> CLIENT_NAMES = Map.ofEntries(
            Map.entry("team", "attribute team.id"),
            Map.entry("costCenter", "attribute cost_center"),
            Map.entry("purpose", "attribute purpose"),
            Map.entry("sessionId", "attribute session.id"),
            Map.entry("requestId", "attribute request_id"),
            Map.entry("email", "attribute user.email"),
            Map.entry("providerAccountId", "attribute user.account_uuid (or user.id)"),
            Map.entry("model", "attribute model"),
            Map.entry("provider", "attribute gen_ai.provider.name"),
            Map.entry("source", "resource attribute service.name"),
            Map.entry("occurredAt", "time"),
            Map.entry("reportedCostUsdMicros", "cost"));

    private OtlpFields() {
    }

    static Locator locator(List<String> locations) {
        return (index, field) -> locations.get(index) + ": " + CLIENT_NAMES.getOrDefault(field, field);
    }
}
