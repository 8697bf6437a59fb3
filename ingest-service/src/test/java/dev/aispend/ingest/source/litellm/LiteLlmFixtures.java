package dev.aispend.ingest.source.litellm;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The LiteLLM fixtures of test-support ({@code fixtures/litellm/...}) and the parsing the controller does. */
final class LiteLlmFixtures {
    static final String BATCH = "fixtures/litellm/standard-logging-payload-batch.json";
    static final String SINGLE = "fixtures/litellm/standard-logging-payload.json";
    static final JsonMapper MAPPER = JsonMapper.createDefault();
    /** Every alias ref in these tests: recognisable, and obviously not the value it stands for. */
    static final dev.aispend.ingest.source.IdentifyingRefs REFS = (kind, value) -> "als_" + kind.wireName() + "_"
            + Integer.toHexString(value.hashCode());

    private LiteLlmFixtures() {
    }

    static String text(String resource) {
        try (InputStream in = LiteLlmFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static List<LiteLlmBody.Element> elements(String body) {
        return LiteLlmBody.elements(MAPPER, body.getBytes(StandardCharsets.UTF_8), 1000);
    }

    static LiteLlmMapper.Batch map(String body) {
        return new LiteLlmMapper(REFS).map(elements(body));
    }
}
