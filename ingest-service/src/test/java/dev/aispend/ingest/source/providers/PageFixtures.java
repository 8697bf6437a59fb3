package dev.aispend.ingest.source.providers;

import dev.aispend.ingest.source.IdentifyingRefs;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The provider page fixtures of test-support ({@code fixtures/anthropic/...}, {@code fixtures/openai/...}). */
public final class PageFixtures {
    public static final String ANTHROPIC_USAGE = "fixtures/anthropic/usage-report-messages.json";
    public static final String ANTHROPIC_COSTS = "fixtures/anthropic/cost-report.json";
    public static final String CLAUDE_CODE = "fixtures/anthropic/claude-code-report.json";
    public static final String OPENAI_USAGE = "fixtures/openai/usage-completions.json";
    public static final String OPENAI_COSTS = "fixtures/openai/costs.json";
    /** Every alias ref in these tests: recognisable, and obviously not the value it stands for. */
    public static final IdentifyingRefs REFS = (kind, value) -> "als_" + kind.wireName() + "_"
            + Integer.toHexString(value.hashCode());
    /** Now, in the unit tests: after every fixture's buckets and days ended (the fixtures copy 2024-2025 examples). */
    public static final Clock AFTER_THE_FIXTURES = Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC);
    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    private PageFixtures() {
    }

    public static String text(String resource) {
        try (InputStream in = PageFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static JsonNode json(String body) {
        try {
            return MAPPER.readValue(body, JsonNode.class);
        } catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }
}
