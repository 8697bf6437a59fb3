package dev.aispend.ingest.source.github;

import dev.aispend.ingest.source.JsonBodies;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.platform.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A verified body as a JSON tree, in either of GitHub's content types: {@code application/json} (the body is the
 * payload) or {@code application/x-www-form-urlencoded} (GitHub's form default: the payload is the JSON value of
 * the {@code payload} form field). The signature covers the raw body in both cases, so this runs only after it
 * was verified. Malformed JSON, a duplicate key or a form without {@code payload} is refused (400).
 */
final class WebhookPayloads {
    /** GitHub's form carries one field; a few more are tolerated, not thousands. */
    private static final int MAX_FORM_FIELDS = 8;
    private static final String FORM_FIELD = "payload";

    private WebhookPayloads() {
    }

    static JsonNode read(JsonMapper mapper, @Nullable MediaType contentType, byte[] rawBody) {
        if (contentType != null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.matches(contentType)) {
            return JsonBodies.parse(mapper, formPayload(rawBody));
        }
        return JsonBodies.parse(mapper, rawBody);
    }

    private static byte[] formPayload(byte[] rawBody) {
        String form = new String(rawBody, StandardCharsets.UTF_8);
        List<String> values = new QueryStringDecoder(form, StandardCharsets.UTF_8, false, MAX_FORM_FIELDS)
                .parameters().get(FORM_FIELD);
        if (values == null || values.size() != 1) {
            throw new InvalidSubmissionException(List.of(new FieldError(FORM_FIELD,
                    "a form-encoded delivery carries the event as exactly one payload field")));
        }
        return values.get(0).getBytes(StandardCharsets.UTF_8);
    }
}
