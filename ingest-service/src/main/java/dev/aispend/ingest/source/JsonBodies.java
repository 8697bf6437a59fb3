package dev.aispend.ingest.source;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.List;

/** A request body as a JSON tree for the adapters, or a 400 saying why it is none. */
public final class JsonBodies {
    private JsonBodies() {
    }

    /** The body as a JSON tree, or 400: empty, or not JSON (a duplicate key is not JSON here: strict parsing). */
    public static JsonNode parse(JsonMapper mapper, @Nullable byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidSubmissionException(List.of(new FieldError("$", "the body is empty")));
        }
        try {
            return mapper.readValue(body, JsonNode.class);
        } catch (IOException malformed) {
            throw new InvalidSubmissionException(List.of(new FieldError("$",
                    "is not valid JSON: " + firstLine(malformed.getMessage()))));
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
