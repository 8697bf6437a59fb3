package dev.aispend.ingest;

import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.DirectoryEntry;
import dev.aispend.ingest.source.api.OutcomeJsonMother;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every adapter that reaches the directory (JDBC) does so on the blocking executor, never on a Netty event loop
 * (which would stall every connection it serves), and asks the directory once per request, not once per alias
 * per record.
 */
@MicronautTest
class OffTheEventLoopIT extends IngestIntegration {
    private final List<String> lookupThreads = new CopyOnWriteArrayList<>();
    private final List<Integer> queries = new CopyOnWriteArrayList<>();

    OffTheEventLoopIT() {
        super("off-event-loop-it.");
    }

    /** Records where and how often the directory is asked; knows nobody. */
    @MockBean(Directory.class)
    Directory recordingDirectory() {
        return new Directory() {
            @Override
            public Optional<DirectoryEntry> find(dev.aispend.ingest.identity.AliasKind kind, String value,
                                                 Instant at) {
                throw new AssertionError("a request's aliases are looked up together, not one by one");
            }

            @Override
            public Map<Lookup, DirectoryEntry> findAll(Collection<Lookup> lookups) {
                lookupThreads.add(Thread.currentThread().getName());
                queries.add(lookups.size());
                return Map.of();
            }
        };
    }

    @BeforeEach
    void forget() {
        lookupThreads.clear();
        queries.clear();
    }

    @Test
    void looks_up_a_usage_batch_in_one_directory_query_off_the_event_loop() {
        Instant at = Instant.now();
        String records = IntStream.range(0, 200).mapToObj(index -> """
                {"id": "loop-%d", "occurredAt": "%s", "team": "platform", "model": "claude-sonnet-4-5", \
                "aliases": {"email": "dev%d@example.com", "githubLogin": "dev%d"}, "inputTokens": 1, \
                "outputTokens": 1}""".formatted(index, at, index % 10, index % 10))
                .collect(Collectors.joining(",", "{\"records\": [", "]}"));

        assertThat(http.postJson("/v1/usage/batch", records).code()).isEqualTo(202);

        assertThat(queries).containsExactly(20); // One query for 200 records: 10 emails and 10 logins, at one time.
        assertOffTheEventLoop();
    }

    @Test
    void looks_up_outcomes_off_the_event_loop() {
        assertThat(http.postJson("/v1/outcomes", OutcomeJsonMother.mergedPullRequest("loop-pr-1")).code())
                .isEqualTo(202);

        assertThat(queries).hasSize(1);
        assertOffTheEventLoop();
    }

    @Test
    void looks_up_litellm_calls_off_the_event_loop() {
        String payload = resource("fixtures/litellm/standard-logging-payload.json");

        assertThat(http.postJson("/v1/integrations/litellm", payload).code()).isEqualTo(200);

        assertThat(queries).hasSize(1);
        assertOffTheEventLoop();
    }

    @Test
    void looks_up_provider_imports_off_the_event_loop() {
        String page = resource("fixtures/openai/usage-completions.json");

        assertThat(http.postJson("/v1/imports/openai/usage", page).code()).isEqualTo(202);

        assertThat(queries).hasSize(1);
        assertOffTheEventLoop();
    }

    private void assertOffTheEventLoop() {
        assertThat(lookupThreads).isNotEmpty().allSatisfy(thread ->
                assertThat(thread.toLowerCase(Locale.ROOT)).doesNotContain("eventloop"));
    }

    private static String resource(String name) {
        try (InputStream in = OffTheEventLoopIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
