package dev.aispend.ingest.source.otlp;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OTLP JSON writes trace and span ids (spans, their links, log records, exemplars) as hex, where protobuf's JSON
 * mapping expects base64 for bytes fields: given as they come, protobuf's parser would silently decode the hex
 * as base64 into other bytes. This rewrites each such value from hex to base64 before the parser sees it, and
 * refuses one that is not hex. Nothing else of the document changes.
 */
final class HexIds {
    /** The bytes fields of OTLP that carry ids, in their JSON and their proto names. */
    static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId", "trace_id", "span_id",
            "parent_span_id");
    /** Deeper than any OTLP document nests (about ten levels); guards the recursion. */
    private static final int MAX_DEPTH = 64;

    private HexIds() {
    }

    static JsonNode toBase64(JsonNode document) {
        List<FieldError> violations = new ArrayList<>();
        JsonNode rewritten = rewrite(document, "$", 0, violations);
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations.subList(0, Math.min(violations.size(), 10)));
        }
        return rewritten;
    }

    private static JsonNode rewrite(JsonNode node, String path, int depth, List<FieldError> violations) {
        if (depth > MAX_DEPTH) {
            violations.add(new FieldError(path, "nests deeper than " + MAX_DEPTH + " levels"));
            return node;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>(node.size());
            int index = 0;
            for (JsonNode element : node.values()) {
                elements.add(rewrite(element, path + "[" + index++ + "]", depth + 1, violations));
            }
            return JsonNode.createArrayNode(elements);
        }
        if (!node.isObject()) {
            return node;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            String fieldPath = path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (ID_FIELDS.contains(field.getKey()) && value.isString()) {
                fields.put(field.getKey(), JsonNode.createStringNode(base64(value.getStringValue(), fieldPath,
                        violations)));
            } else {
                fields.put(field.getKey(), rewrite(value, fieldPath, depth + 1, violations));
            }
        }
        return JsonNode.createObjectNode(fields);
    }

    /** Hex (any case) to base64; an empty id stays empty (OTLP's "not set"). */
    static String base64(String hex, String path, List<FieldError> violations) {
        try {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException notHex) {
            violations.add(new FieldError(path, "must be hex (OTLP JSON writes trace and span ids in hex)"));
            return hex;
        }
    }
}
