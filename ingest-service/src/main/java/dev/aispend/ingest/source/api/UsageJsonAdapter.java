package dev.aispend.ingest.source.api;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.JsonFields;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our own usage format ({@code POST /v1/usage}, {@code /v1/usage/batch}; docs/ingest-api.md) into submissions.
 * Unknown fields are refused: a misspelt optional token count would otherwise be read as zero and the spend lost.
 * Identity is {@code person} (the directory's person key) and/or {@code aliases}; at least one is required.
 */
final class UsageJsonAdapter {
    static final String SOURCE = "api";
    static final Set<String> ALIAS_FIELDS = Set.of("email", "githubLogin", "providerAccountId", "apiKeyId");
    static final Set<String> FIELDS = Set.of("id", "occurredAt", "source", "provider", "model", "team",
            "costCenter", "person", "aliases", "purpose", "sessionId", "requestId", "reportedCostUsdMicros",
            "attributes", "inputTokens", "outputTokens", "cacheReadTokens", "cacheWrite5mTokens",
            "cacheWrite1hTokens", "reasoningTokens");

    private final long maxTokensPerRecord;
    private final int maxAttributes;

    UsageJsonAdapter(long maxTokensPerRecord, int maxAttributes) {
        this.maxTokensPerRecord = maxTokensPerRecord;
        this.maxAttributes = maxAttributes;
    }

    /** {@code {"records": [...]}}: all or nothing, each reason naming {@code records[i].field}. */
    List<UsageSubmission> batch(JsonNode body) {
        List<JsonNode> elements = ApiBatches.elements(body, "records", "usage records");
        List<FieldError> violations = new ArrayList<>();
        List<UsageSubmission> submissions = new ArrayList<>(elements.size());
        for (int index = 0; index < elements.size(); index++) {
            submissions.add(read(elements.get(index), "records[" + index + "]", violations));
        }
        ApiBatches.refuseIfAny(violations);
        return submissions;
    }

    UsageSubmission single(JsonNode body) {
        List<FieldError> violations = new ArrayList<>();
        UsageSubmission submission = read(body, "", violations);
        ApiBatches.refuseIfAny(violations);
        return submission;
    }

    private UsageSubmission read(JsonNode node, String path, List<FieldError> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new FieldError(path.isEmpty() ? "$" : path, "must be a JSON object"));
            return null;
        }
        JsonFields fields = JsonFields.of(node, path.isEmpty() ? "" : path + ".", violations);
        fields.refuseUnknown(FIELDS, "a usage record");
        String client = fields.text("source");
        SubjectAliases subject = ApiBatches.subject(fields);
        long[] counts = {fields.requiredCount("inputTokens", maxTokensPerRecord),
            fields.requiredCount("outputTokens", maxTokensPerRecord),
            orZero(fields.count("cacheReadTokens", maxTokensPerRecord)),
            orZero(fields.count("cacheWrite5mTokens", maxTokensPerRecord)),
            orZero(fields.count("cacheWrite1hTokens", maxTokensPerRecord)),
            orZero(fields.count("reasoningTokens", maxTokensPerRecord))};
        return new UsageSubmission(ApiBatches.id(fields),
                fields.instant("occurredAt", true), client == null ? SOURCE : SOURCE + ":" + client, subject,
                fields.text("team"), fields.text("costCenter"), fields.text("provider"),
                fields.requiredText("model"),
                new TokenCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]),
                fields.text("purpose"), fields.text("sessionId"), fields.text("requestId"),
                fields.count("reportedCostUsdMicros", Long.MAX_VALUE), attributes(fields), false);
    }

    private Map<String, String> attributes(JsonFields fields) {
        return fields.textMap("attributes", maxAttributes);
    }

    private static long orZero(Long count) {
        return count == null ? 0 : count;
    }
}
