package dev.aispend.testsupport.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Whether a service answered a hostile query value as it must: refused with 400 problem details naming the
 * parameter, or answered exactly as it answers a value that matches nothing ({@link HostileValues#NO_MATCH}), so
 * the value selected no rows and changed nothing else. Never a failure (500), never more rows.
 */
public final class InjectionVerdict {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InjectionVerdict() {
    }

    /**
     * What is wrong with {@code hostile}, the answer to {@code parameter} = {@code value}, given {@code baseline},
     * the answer to the same request with {@link HostileValues#NO_MATCH}; empty when nothing is.
     */
    public static Optional<String> of(String parameter, String value, HttpResponse<String> hostile,
                                      HttpResponse<String> baseline) {
        String what = parameter + "=" + printable(value) + " answered " + hostile.statusCode() + " " + hostile.body();
        if (hostile.statusCode() == 400) {
            return Problem.names(hostile, parameter) ? Optional.empty()
                    : Optional.of(what + ": a 400 must be problem details naming " + parameter);
        }
        if (hostile.statusCode() != baseline.statusCode()) {
            return Optional.of(what + ": a value matching nothing answers " + baseline.statusCode());
        }
        if (!withoutEcho(hostile.body(), value).equals(withoutEcho(baseline.body(), HostileValues.NO_MATCH))) {
            return Optional.of(what + ": not the answer to a value matching nothing, " + baseline.body());
        }
        return Optional.empty();
    }

    /**
     * The body with every JSON string equal to {@code value} (a filter the answer repeats) made the same, and
     * without a problem's {@code requestId} (each request's own, docs/logging.md).
     */
    private static Object withoutEcho(String body, String value) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree instanceof ObjectNode object) {
                object.remove("requestId");
            }
            return tree == null ? body : replaced(tree, value);
        } catch (IOException notJson) {
            return body;
        }
    }

    private static JsonNode replaced(JsonNode node, String value) {
        if (node.isTextual() && node.asText().equals(value)) {
            return TextNode.valueOf("<filter value>");
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(replaced(field.getValue(), value)));
        } else if (node instanceof ArrayNode array) {
            for (int index = 0; index < array.size(); index++) {
                array.set(index, replaced(array.get(index), value));
            }
        }
        return node;
    }

    private static String printable(String value) {
        return value.replace("\u0000", "\\u0000");
    }
}
