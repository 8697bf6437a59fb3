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

    /**
     * The document with every id in base64: the very same node when it carries none (metric exports), and
     * otherwise only the objects and arrays on the way to an id copied, since an export can be megabytes and
     * copying all of it for a few ids made ingest's collector spend a third of its time in garbage collection
     * (docs/performance.md).
     */
    static JsonNode toBase64(JsonNode document) {
        List<FieldError> violations = new ArrayList<>();
        JsonNode rewritten = rewrite(document, new Location(null, "$", -1), 0, violations);
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations.subList(0, Math.min(violations.size(), 10)));
        }
        return rewritten;
    }

    /** Where a node is, written out only when a violation names it. */
    private record Location(Location parent, String field, int index) {
        Location field(String name) {
            return new Location(this, name, -1);
        }

        Location element(int at) {
            return new Location(this, null, at);
        }

        @Override
        public String toString() {
            String own = field != null ? (parent == null ? field : "." + field) : "[" + index + "]";
            return parent == null ? own : parent + own;
        }
    }

    private static JsonNode rewrite(JsonNode node, Location location, int depth, List<FieldError> violations) {
        if (depth > MAX_DEPTH) {
            violations.add(new FieldError(location.toString(), "nests deeper than " + MAX_DEPTH + " levels"));
            return node;
        }
        if (node.isArray()) {
            return rewriteArray(node, location, depth, violations);
        }
        return node.isObject() ? rewriteObject(node, location, depth, violations) : node;
    }

    private static JsonNode rewriteArray(JsonNode array, Location location, int depth, List<FieldError> violations) {
        List<JsonNode> elements = null;
        int index = 0;
        for (JsonNode element : array.values()) {
            JsonNode rewritten = rewrite(element, location.element(index), depth + 1, violations);
            if (rewritten != element && elements == null) {
                elements = new ArrayList<>(array.size());
                for (JsonNode earlier : array.values()) {
                    if (elements.size() == index) {
                        break;
                    }
                    elements.add(earlier);
                }
            }
            if (elements != null) {
                elements.add(rewritten);
            }
            index++;
        }
        return elements == null ? array : JsonNode.createArrayNode(elements);
    }

    private static JsonNode rewriteObject(JsonNode object, Location location, int depth,
                                          List<FieldError> violations) {
        Map<String, JsonNode> fields = null;
        int index = 0;
        for (Map.Entry<String, JsonNode> field : object.entries()) {
            JsonNode value = field.getValue();
            JsonNode rewritten = ID_FIELDS.contains(field.getKey()) && value.isString()
                    ? JsonNode.createStringNode(base64(value.getStringValue(), location.field(field.getKey())
                    .toString(), violations))
                    : rewrite(value, location.field(field.getKey()), depth + 1, violations);
            if (rewritten != value && fields == null) {
                fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> earlier : object.entries()) {
                    if (fields.size() == index) {
                        break;
                    }
                    fields.put(earlier.getKey(), earlier.getValue());
                }
            }
            if (fields != null) {
                fields.put(field.getKey(), rewritten);
            }
            index++;
        }
        return fields == null ? object : JsonNode.createObjectNode(fields);
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
