package dev.aispend.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Ingest's own JSON API ({@code POST /v1/usage/batch}, docs/ingest-api.md), as the internal tools post it: the
 * support assistant per conversation (Claude with one-hour cache writes), the notebook tool per run (Gemini with
 * reasoning). People are named by the tool's API key id, never by email.
 */
final class UsageApiJson {
    private UsageApiJson() {
    }

    static byte[] batch(List<Use> uses) {
        ArrayNode records = Json.array();
        for (Use use : uses) {
            records.add(record(use));
        }
        ObjectNode root = Json.object();
        root.set("records", records);
        return Json.bytes(root);
    }

    private static ObjectNode record(Use use) {
        Tokens tokens = use.tokens();
        ObjectNode record = Json.object().put("id", use.id()).put("occurredAt", use.end().toString())
                .put("source", use.person().client() == Client.NOTEBOOK ? "notebook-assistant" : "support-assistant")
                .put("provider", use.provider()).put("model", use.model()).put("purpose", use.purpose())
                .put("sessionId", use.sessionId()).put("reportedCostUsdMicros", Prices.cost(use))
                .put("inputTokens", tokens.input()).put("outputTokens", tokens.output())
                .put("cacheReadTokens", tokens.cacheRead()).put("cacheWrite1hTokens", tokens.cacheWrite1h())
                .put("reasoningTokens", tokens.reasoning());
        record.putObject("aliases").put("apiKeyId", use.person().apiKeyId());
        return record;
    }
}
