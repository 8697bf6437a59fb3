package dev.aispend.ingest.source.litellm;

import dev.aispend.ingest.source.JsonBodies;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The StandardLoggingPayloads in one request, in each of the shapes LiteLLM's generic API callback sends
 * ({@code log_format}): {@code json_array} (the default, a JSON array), {@code single} (one object) and
 * {@code ndjson} (one object per line). Root values are found with Jackson's streaming parser rather than by
 * splitting lines, so a pretty-printed object is one payload and trailing garbage is refused, never ignored.
 * Each payload is then read by the service's JSON mapper, which refuses a field given twice.
 */
final class LiteLlmBody {
    private static final JsonFactory STREAMING = JsonFactory.builder().build();

    private LiteLlmBody() {
    }

    /** One payload and where it sits in the body ({@code [3]}, or empty for a single object). */
    record Element(JsonNode node, String path) {
    }

    static List<Element> elements(JsonMapper mapper, byte[] body, int maxElements) {
        List<byte[]> roots = roots(body, maxElements);
        if (roots.size() == 1) {
            return ofSingleRoot(JsonBodies.parse(mapper, roots.get(0)), maxElements);
        }
        List<Element> elements = new ArrayList<>(roots.size());
        for (int index = 0; index < roots.size(); index++) {
            elements.add(new Element(JsonBodies.parse(mapper, roots.get(index)), "[" + index + "]"));
        }
        return elements;
    }

    private static List<Element> ofSingleRoot(JsonNode root, int maxElements) {
        if (root.isObject()) {
            return List.of(new Element(root, ""));
        }
        if (!root.isArray()) {
            throw refused("must be a StandardLoggingPayload object, an array of them, or one per line (ndjson)");
        }
        if (root.size() > maxElements) {
            throw refused("carries " + root.size() + " payloads; at most " + maxElements
                    + " are taken per request (INGEST_MAX_BATCH_RECORDS; lower the callback's batch_size)");
        }
        List<Element> elements = new ArrayList<>(root.size());
        for (int index = 0; index < root.size(); index++) {
            elements.add(new Element(root.get(index), "[" + index + "]"));
        }
        return elements;
    }

    /** The bytes of each top-level JSON value, at most {@code maxElements} (then the request is refused). */
    private static List<byte[]> roots(byte[] body, int maxElements) {
        if (body == null || body.length == 0) {
            throw refused("the body is empty");
        }
        List<byte[]> roots = new ArrayList<>();
        try (JsonParser parser = STREAMING.createParser(body)) {
            while (parser.nextToken() != null) {
                if (roots.size() == maxElements) {
                    throw refused("carries more than " + maxElements + " payloads; at most " + maxElements
                            + " are taken per request (INGEST_MAX_BATCH_RECORDS; lower the callback's batch_size)");
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                roots.add(Arrays.copyOfRange(body, start, end));
            }
        } catch (IOException malformed) {
            throw refused("is not valid JSON: " + firstLine(malformed.getMessage()));
        }
        if (roots.isEmpty()) {
            throw refused("the body is empty");
        }
        return roots;
    }

    private static InvalidSubmissionException refused(String message) {
        return new InvalidSubmissionException(List.of(new FieldError("$", message)));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
